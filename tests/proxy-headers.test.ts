/**
 * proxy.ts's headers on the responses it makes (a real browser checks the pages themselves:
 * e2e/security-headers.spec.ts): a fresh CSP nonce per request, handed to Next in the request's
 * headers; HSTS only when APP_URL is https.
 */
import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import proxy from "@/proxy";
import { contentSecurityPolicy } from "@/lib/security-headers";

const saved = process.env.APP_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
});

const page = (path: string, cookie?: string) =>
  proxy(new NextRequest(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }));

const nonceOf = (csp: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

describe("proxy.ts security headers", () => {
  it("gives every page a CSP with a fresh nonce, strict-dynamic, no framing, no plugins", () => {
    const a = page("/login").headers.get("content-security-policy");
    const b = page("/login").headers.get("content-security-policy");
    expect(nonceOf(a)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    for (const directive of ["'strict-dynamic'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(a).toContain(directive);
    }
    expect(a).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(a).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it("passes the nonce to Next in the request (x-nonce and the request's own CSP header)", () => {
    const response = page("/home", "authjs.session-token=x");
    const csp = response.headers.get("content-security-policy");
    // NextResponse.next({ request: { headers } }) carries the rewritten request headers this way.
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(csp));
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("redirects a visitor without a session to /login, with the headers too", () => {
    const response = page("/subjects?q=1");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost/login?callbackUrl=%2Fsubjects%3Fq%3D1");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("adds HSTS and upgrade-insecure-requests only when APP_URL is https", () => {
    delete process.env.APP_URL;
    expect(page("/login").headers.get("strict-transport-security")).toBeNull();
    process.env.APP_URL = "http://trialdesk.local";
    expect(page("/login").headers.get("strict-transport-security")).toBeNull();
    process.env.APP_URL = "https://trialdesk.example.org";
    const response = page("/login");
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("allows eval only for `next dev`", () => {
    expect(contentSecurityPolicy("n", { dev: true })).toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(contentSecurityPolicy("n")).not.toContain("unsafe-eval");
  });
});
