/**
 * The feed URL's signature, and that a calendar client (no cookies) reaches the feed route: the
 * proxy that sends cookieless visitors to the login page leaves /api/ alone.
 */
import { describe, expect, it } from "vitest";
import { withAuthSecret } from "@/tests/auth-secret";
import { config } from "@/proxy";
import { feedFileName, feedPath, verifiedFeedId } from "./feed-secret";

const ID = "3f1c2b9e-8d4a-4e5f-9a6b-7c8d9e0f1a2b";
const SECRET = "feed-secret-test-0123456789abcdef";
withAuthSecret(SECRET);

describe("calendar feed URLs", () => {
  it("sign the feed id with the server's secret: verified back, and nothing else is", () => {
    const name = feedFileName(ID);
    expect(name).toMatch(new RegExp(`^${ID}\\.[A-Za-z0-9_-]{43}\\.ics$`));
    expect(feedPath(ID)).toBe(`/api/calendar/${name}`);
    expect(verifiedFeedId(name)).toBe(ID);
    expect(feedFileName(ID)).toBe(name); // stable: nothing random, nothing stored

    const sig = name.split(".")[1]!;
    const other = "3f1c2b9e-8d4a-4e5f-9a6b-7c8d9e0f1a2c";
    expect(verifiedFeedId(`${other}.${sig}.ics`)).toBeNull();
    expect(verifiedFeedId(`${ID}.${sig.slice(1)}A.ics`)).toBeNull();
    expect(verifiedFeedId(`${ID}.${sig}`)).toBeNull();
    expect(verifiedFeedId(`${ID}.${sig}.ics.ics`)).toBeNull();

    process.env.AUTH_SECRET = "another-secret-after-rotation-0123";
    expect(verifiedFeedId(name)).toBeNull();
    process.env.AUTH_SECRET = SECRET;
  });

  it("refuses to sign without a server secret", () => {
    const secret = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    try {
      expect(() => feedFileName(ID)).toThrow(/AUTH_SECRET/);
    } finally {
      process.env.AUTH_SECRET = secret;
    }
  });

  it("are reachable without a session: the login redirect does not match /api/calendar", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    expect(matcher.test(feedPath(ID))).toBe(false);
    expect(matcher.test("/settings/notifications")).toBe(true);
  });
});
