/**
 * POST /api/v1/sessions, the API's sign-in, through the very router behind /api/v1: a wrong password
 * and an unknown user are the same 401; pending and disabled accounts get no token; repeated
 * failures end in 429 with Retry-After, even for the right password; and an address the client
 * writes itself (X-Forwarded-For) neither escapes the per-address limit nor lands in the audit
 * trail — with no proxy trusted (the default) and with one (TRUST_PROXY_HOPS=1). The socket's peer
 * is given as scripts/serve.mjs gives it, through the request context.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiTokens, auditEvents } from "@/db/schema";
import { dispatchApi } from "@/lib/api/routes";
import { PAIR_LIMIT } from "@/lib/auth/credentials";
import { runInRequestContext } from "@/lib/request-context";
import { withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, makeUser } from "@/tests/fixtures";

withTestDb();

afterEach(() => {
  delete process.env.TRUST_PROXY_HOPS;
});

async function signIn(username: string, password: string, options: { peer?: string; forwardedFor?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.forwardedFor) headers["x-forwarded-for"] = options.forwardedFor;
  const request = new Request("http://trialdesk.test/api/v1/sessions", { method: "POST", headers, body: JSON.stringify({ username, password }) });
  const response = await runInRequestContext({ requestId: "api-sessions-test", peer: options.peer ?? "192.0.2.10" }, () => dispatchApi(request));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Record<string, unknown> };
}

async function tokensOf(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(apiTokens).where(eq(apiTokens.userId, userId));
  return row!.n;
}

async function auditAddresses(username: string): Promise<(string | null)[]> {
  const db = await getDb();
  const rows = await db.select({ address: auditEvents.clientAddress }).from(auditEvents).where(and(eq(auditEvents.actorUsername, username), sql`${auditEvents.action} like 'login%'`));
  return rows.map((r) => r.address);
}

describe("POST /api/v1/sessions", () => {
  it("signs in an active account: 201 with a token that works", async () => {
    const who = await makeUser("sess_ok", "sponsor", null);
    const answer = await signIn(who.username, FIXTURE_PASSWORD);
    expect(answer.status).toBe(201);
    expect(answer.body.token).toEqual(expect.any(String));
    const me = await dispatchApi(new Request("http://trialdesk.test/api/v1/users/me", { headers: { authorization: `Bearer ${String(answer.body.token)}` } }));
    expect(me.status).toBe(200);
  });

  it("answers a wrong password and an unknown user with the same 401 problem, no token, and audits both", async () => {
    const user = await makeUser("sess_wrong", "sponsor", null);
    const wrong = await signIn("sess_wrong", "not-the-password", { peer: "192.0.2.11" });
    const unknown = await signIn("sess_nobody", "not-the-password", { peer: "192.0.2.11" });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(answer.body).not.toHaveProperty("token");
    }
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(await tokensOf(user.id)).toBe(0);
    expect(await auditAddresses("sess_wrong")).toEqual(["192.0.2.11"]);
    expect(await auditAddresses("sess_nobody")).toEqual(["192.0.2.11"]);
  });

  it("gives a pending account no token: 401 saying it waits for approval", async () => {
    const user = await makeUser("sess_pending", "sponsor", null, "pending");
    const answer = await signIn("sess_pending", FIXTURE_PASSWORD, { peer: "192.0.2.12" });
    expect(answer.status).toBe(401);
    expect(String(answer.body.detail)).toMatch(/waiting for an administrator/i);
    expect(answer.body).not.toHaveProperty("token");
    expect(await tokensOf(user.id)).toBe(0);
  });

  it("gives a disabled account no token: 401 saying it is disabled", async () => {
    const user = await makeUser("sess_disabled", "sponsor", null, "disabled");
    const answer = await signIn("sess_disabled", FIXTURE_PASSWORD, { peer: "192.0.2.13" });
    expect(answer.status).toBe(401);
    expect(String(answer.body.detail)).toMatch(/disabled/i);
    expect(await tokensOf(user.id)).toBe(0);
  });

  it("locks after the allowed failures: 429 with Retry-After, even for the right password, and no token", async () => {
    const user = await makeUser("sess_locked", "sponsor", null);
    for (let i = 0; i < PAIR_LIMIT.max; i++) expect((await signIn("sess_locked", `wrong-${i}`, { peer: "192.0.2.14" })).status).toBe(401);
    const locked = await signIn("sess_locked", FIXTURE_PASSWORD, { peer: "192.0.2.14" });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= PAIR_LIMIT.windowSeconds).toBe(true);
    expect(String(locked.body.detail)).not.toMatch(/password/i);
    expect(await tokensOf(user.id)).toBe(0);
  });

  it("with no proxy trusted, a client's own X-Forwarded-For changes nothing: the lock holds and the audit names the peer", async () => {
    await makeUser("sess_forged", "sponsor", null);
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      const answer = await signIn("sess_forged", "wrong", { peer: "192.0.2.15", forwardedFor: `203.0.113.${i + 1}` });
      expect(answer.status).toBe(401);
    }
    const next = await signIn("sess_forged", FIXTURE_PASSWORD, { peer: "192.0.2.15", forwardedFor: "203.0.113.99" });
    expect(next.status).toBe(429);
    expect(new Set(await auditAddresses("sess_forged"))).toEqual(new Set(["192.0.2.15"]));
  });

  it("behind one trusted proxy, only the address that proxy wrote counts: forged entries to its left change nothing", async () => {
    process.env.TRUST_PROXY_HOPS = "1";
    await makeUser("sess_proxied", "sponsor", null);
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      const answer = await signIn("sess_proxied", "wrong", { peer: "10.0.0.2", forwardedFor: `203.0.113.${i + 1}, 198.51.100.7` });
      expect(answer.status).toBe(401);
    }
    const next = await signIn("sess_proxied", FIXTURE_PASSWORD, { peer: "10.0.0.2", forwardedFor: "203.0.113.99, 198.51.100.7" });
    expect(next.status).toBe(429);
    expect(new Set(await auditAddresses("sess_proxied"))).toEqual(new Set(["198.51.100.7"]));
    // Another client behind the same proxy is not locked out by the first one's failures.
    expect((await signIn("sess_proxied", FIXTURE_PASSWORD, { peer: "10.0.0.2", forwardedFor: "198.51.100.8" })).status).toBe(201);
  });

  it("refuses what is not a sign-in: 415 for a form body, 422 without a password, nothing issued", async () => {
    const form = await dispatchApi(new Request("http://trialdesk.test/api/v1/sessions", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=a&password=b" }));
    expect(form.status).toBe(415);
    const missing = await dispatchApi(new Request("http://trialdesk.test/api/v1/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "a" }) }));
    expect(missing.status).toBe(422);
  });
});
