/**
 * Auth.js's cookies are `Secure` when TrialDesk is served over https (APP_URL), and stay usable over
 * plain http otherwise (a laptop, the e2e run). Read from Auth.js's own csrf endpoint, which sets a
 * cookie on every call; lib/auth reads APP_URL when it loads, hence a fresh module per case.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function csrfCookies(appUrl: string | undefined): Promise<string> {
  if (appUrl) vi.stubEnv("APP_URL", appUrl);
  else vi.stubEnv("APP_URL", "");
  vi.stubEnv("AUTH_SECRET", "test-secret-test-secret-test-secret-1");
  vi.stubEnv("AUTH_TRUST_HOST", "true");
  const { GET } = await import("@/app/api/auth/[...nextauth]/route");
  // Behind a TLS-terminating proxy the app itself is reached over plain http: the setting, not the
  // request's scheme, must make the cookies Secure.
  const response = await GET(new NextRequest("http://localhost:3000/api/auth/csrf"));
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().join("\n");
}

describe("Auth.js cookies", () => {
  it("are Secure and __Host- named when APP_URL is https", async () => {
    const cookies = await csrfCookies("https://trialdesk.example.org");
    expect(cookies).toMatch(/^__Host-authjs\.csrf-token=[^;]+;.*\bSecure\b/im);
  });

  it("are plain over http", async () => {
    const cookies = await csrfCookies(undefined);
    expect(cookies).toMatch(/^authjs\.csrf-token=/m);
    expect(cookies).not.toMatch(/\bSecure\b/i);
  });
});
