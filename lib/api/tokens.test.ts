import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiTokens, auditEvents } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { apiClient } from "@/tests/api/client";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { loadActorById } from "@/tests/load-actor";
import { createPersonalToken, listPersonalTokens, revokePersonalToken } from "./tokens";

const f = withTwoSites();

const me = (token: string) => apiClient(token).GET("/api/v1/users/me", {});

describe("personal API tokens", () => {
  it("work once created, note when they were last used, and stop at once when revoked", async () => {
    const actor = await loadActorById(f.users.invA.id);
    const { token, record } = await createPersonalToken(actor, { name: "Lab import", expiresInDays: "" });
    expect(token).toMatch(/^tdp_/);
    expect(record).toMatchObject({ name: "Lab import", lastUsedAt: null, expiresAt: null, revokedAt: null });
    expect(token.startsWith(record.prefix)).toBe(true);
    // Only the hash is stored.
    const db = await getDb();
    const [stored] = await db.select().from(apiTokens).where(eq(apiTokens.id, record.id));
    expect(JSON.stringify(stored)).not.toContain(token);

    const ok = await me(token);
    expect(ok.response.status).toBe(200);
    expect(ok.data).toMatchObject({ id: f.users.invA.id, username: "inv_a", role: "investigator" });
    const [listed] = await listPersonalTokens(actor);
    expect(listed!.id).toBe(record.id);
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);

    await revokePersonalToken(actor, { id: record.id });
    const refused = await me(token);
    expect(refused.response.status).toBe(401);
    expect(refused.response.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await listPersonalTokens(actor))[0]!.revokedAt).toBeInstanceOf(Date);

    const audited = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "api_token"), eq(auditEvents.entityId, record.id)));
    expect(audited.map((a) => a.action).sort()).toEqual(["create", "revoke"]);
  });

  it("refuses an expired token", async () => {
    const actor = await loadActorById(f.users.coordB.id);
    const { token, record } = await createPersonalToken(actor, { name: "Short-lived", expiresInDays: 1 });
    expect(record.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
    expect((await me(token)).response.status).toBe(200);
    const db = await getDb();
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, record.id));
    expect((await me(token)).response.status).toBe(401);
  });

  it("are each person's own: another user's token is not found, and stays valid", async () => {
    const owner = await loadActorById(f.users.coordA.id);
    const other = await loadActorById(f.users.admin.id);
    const { token, record } = await createPersonalToken(owner, { name: "Owner's", expiresInDays: null });
    const attempt = revokePersonalToken(other, { id: record.id });
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt).rejects.toMatchObject({ status: 404 });
    expect((await listPersonalTokens(other)).map((t) => t.id)).not.toContain(record.id);
    expect((await me(token)).response.status).toBe(200);
    // Revoking twice: the second time there is nothing left to revoke.
    await revokePersonalToken(owner, { id: record.id });
    await expect(revokePersonalToken(owner, { id: record.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("may be managed by every role that signs in, and by no pending or disabled account", async () => {
    for (const user of [f.users.coordA, f.users.invB, f.users.sponsor, f.users.admin]) {
      const actor = await loadActorById(user.id);
      const { token } = await createPersonalToken(actor, { name: `${user.username} script`, expiresInDays: 30 });
      expect((await me(token)).data?.username).toBe(user.username);
    }
    const pending = await loadActorById((await makeUser("tok_pending", "coordinator", f.siteA.id, "pending")).id);
    await expect(createPersonalToken(pending, { name: "x", expiresInDays: null })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listPersonalTokens(pending)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses bad input with the field named and writes nothing", async () => {
    const actor = await loadActorById(f.users.invA.id);
    const before = (await listPersonalTokens(actor)).length;
    await expect(createPersonalToken(actor, { name: "  ", expiresInDays: "" })).rejects.toMatchObject({ fieldErrors: { name: expect.any(Array) } });
    await expect(createPersonalToken(actor, { name: "x", expiresInDays: "0" })).rejects.toMatchObject({ fieldErrors: { expiresInDays: expect.any(Array) } });
    await expect(createPersonalToken(actor, { name: "x", expiresInDays: "1.5" })).rejects.toMatchObject({ fieldErrors: { expiresInDays: expect.any(Array) } });
    await expect(createPersonalToken(actor, { name: "a".repeat(81), expiresInDays: "" })).rejects.toMatchObject({ fieldErrors: { name: expect.any(Array) } });
    await expect(revokePersonalToken(actor, { id: "not-a-uuid" })).rejects.toMatchObject({ fieldErrors: { id: expect.any(Array) } });
    expect((await listPersonalTokens(actor)).length).toBe(before);
  });
});

describe("API rate limit", () => {
  const saved = process.env.API_RATE_LIMIT_PER_MINUTE;
  afterEach(() => {
    if (saved === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
    else process.env.API_RATE_LIMIT_PER_MINUTE = saved;
  });

  it("answers 429 problem+json with Retry-After once a user's requests exceed the limit, across their tokens", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    // A user of their own, so no other test's requests count against the window.
    const actor = await loadActorById((await makeUser("tok_limited", "coordinator", f.siteA.id)).id);
    const first = await createPersonalToken(actor, { name: "One", expiresInDays: null });
    const second = await createPersonalToken(actor, { name: "Two", expiresInDays: null });
    expect((await me(first.token)).response.status).toBe(200);
    expect((await me(second.token)).response.status).toBe(200);
    expect((await me(first.token)).response.status).toBe(200);
    const limited = await me(second.token);
    expect(limited.response.status).toBe(429);
    expect(limited.response.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = Number(limited.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.error).toMatchObject({ status: 429, title: "Too many requests" });
    // Someone else is not affected.
    const { token } = await createPersonalToken(await loadActorById(f.users.invB.id), { name: "Other", expiresInDays: null });
    expect((await me(token)).response.status).toBe(200);
  });
});
