/**
 * The web sign-in form reaches `authenticate()` through Auth.js's credentials provider, not through
 * the REST router's parse (tests/fuzz/rest.test.ts covers POST /sessions). Whatever text the form
 * sends, the answer is a refusal — never an exception, which Auth.js would log as a server error and
 * the form would show as "Sign-in is unavailable right now".
 */
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/credentials";
import { withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, makeUser } from "@/tests/fixtures";
import { HOSTILE_STRINGS } from "./payloads";

withTestDb();

describe("authenticate() with hostile text", () => {
  it("refuses every classic payload as a username or password, and still signs the owner in", async () => {
    await makeUser("text_owner", "sponsor", null);
    let n = 0;
    for (const text of [...HOSTILE_STRINGS, "a\u0000b", "\ud800", "text_owner\u0000"]) {
      // A fresh address per pair of attempts, so the per-address limit is not what answers.
      const address = `198.18.${Math.floor(n / 250)}.${n++ % 250}`;
      await expect(authenticate({ username: text, password: "wrong" }, address), JSON.stringify(text.slice(0, 40))).resolves.toMatchObject({ ok: false });
      await expect(authenticate({ username: "text_owner", password: text }, address), JSON.stringify(text.slice(0, 40))).resolves.toMatchObject({ ok: false });
    }
    await expect(authenticate({ username: "text_owner", password: FIXTURE_PASSWORD }, "198.18.9.9")).resolves.toMatchObject({ ok: true });
  });
});
