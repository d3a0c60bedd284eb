import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiTokens, auditEvents, users } from "@/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { apiClient } from "@/tests/api/client";
import { FIXTURE_PASSWORD, makeUser, withTwoSites } from "@/tests/fixtures";
import { loadActorById } from "@/tests/load-actor";
import { createPersonalToken, listPersonalTokens, revokePersonalToken } from "./tokens";

const f = withTwoSites();

const me = (token: string) => apiClient(token).GET("/api/v1/users/me", {});

describe("personal API tokens", () => {
  it("work once created, note when they were last used, and stop at once when revoked", async () => {
    const actor = await loadActorById(f.users.invA.id);
    const { token, record } = await createPersonalToken(actor, { name: "Lab import", expiresInDays: "", password: FIXTURE_PASSWORD });
    expect(token).toMatch(/^tdp_/);
    expect(record).toMatchObject({ name: "Lab import", lastUsedAt: null, revokedAt: null });
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
    const { token, record } = await createPersonalToken(actor, { name: "Short-lived", expiresInDays: 1, password: FIXTURE_PASSWORD });
    expect(record.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
    expect((await me(token)).response.status).toBe(200);
    const db = await getDb();
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, record.id));
    expect((await me(token)).response.status).toBe(401);
  });

  it("opens nothing while an administrator's reset waits for its owner's new password (403 saying where to choose it)", async () => {
    const actor = await loadActorById(f.users.coordA.id);
    const { token } = await createPersonalToken(actor, { name: "Kept by mistake", expiresInDays: 1, password: FIXTURE_PASSWORD });
    expect((await me(token)).response.status).toBe(200);
    const db = await getDb();
    // A reset revokes tokens itself (users-api.test.ts); this is the flag alone, as a path that forgot would leave it.
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, f.users.coordA.id));
    const refused = await me(token);
    expect(refused.response.status).toBe(403);
    expect(JSON.stringify(refused.error)).toMatch(/choose a new password at \/settings\/password/);
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, f.users.coordA.id));
    expect((await me(token)).response.status).toBe(200);
  });

  it("are each person's own: another user's token is not found, and stays valid", async () => {
    const owner = await loadActorById(f.users.coordA.id);
    const other = await loadActorById(f.users.admin.id);
    const { token, record } = await createPersonalToken(owner, { name: "Owner's", expiresInDays: null, password: FIXTURE_PASSWORD });
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
      const { token } = await createPersonalToken(actor, { name: `${user.username} script`, expiresInDays: 30, password: FIXTURE_PASSWORD });
      expect((await me(token)).data?.username).toBe(user.username);
    }
    const pending = await loadActorById((await makeUser("tok_pending", "coordinator", f.siteA.id, "pending")).id);
    await expect(createPersonalToken(pending, { name: "x", expiresInDays: null, password: FIXTURE_PASSWORD })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listPersonalTokens(pending)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses bad input with the field named and writes nothing", async () => {
    const actor = await loadActorById(f.users.invA.id);
    const before = (await listPersonalTokens(actor)).length;
    await expect(createPersonalToken(actor, { name: "  ", expiresInDays: "", password: FIXTURE_PASSWORD })).rejects.toMatchObject({ fieldErrors: { name: expect.any(Array) } });
    await expect(createPersonalToken(actor, { name: "x", expiresInDays: "0", password: FIXTURE_PASSWORD })).rejects.toMatchObject({ fieldErrors: { expiresInDays: expect.any(Array) } });
    await expect(createPersonalToken(actor, { name: "x", expiresInDays: "1.5", password: FIXTURE_PASSWORD })).rejects.toMatchObject({ fieldErrors: { expiresInDays: expect.any(Array) } });
    await expect(createPersonalToken(actor, { name: "a".repeat(81), expiresInDays: "", password: FIXTURE_PASSWORD })).rejects.toMatchObject({ fieldErrors: { name: expect.any(Array) } });
    await expect(revokePersonalToken(actor, { id: "not-a-uuid" })).rejects.toMatchObject({ fieldErrors: { id: expect.any(Array) } });
    expect((await listPersonalTokens(actor)).length).toBe(before);
  });
});

describe("personal tokens: lifetime and password (issue 12, finding 12)", () => {
  const saved = process.env.API_TOKEN_MAX_DAYS;
  afterEach(() => {
    if (saved === undefined) delete process.env.API_TOKEN_MAX_DAYS;
    else process.env.API_TOKEN_MAX_DAYS = saved;
  });
  const DAY = 86_400_000;
  const daysFromNow = (date: Date | null) => (date === null ? null : Math.round((date.getTime() - Date.now()) / DAY));

  it("expire after the maximum lifetime when no expiry is given: 90 days by default, API_TOKEN_MAX_DAYS when set", async () => {
    const actor = await loadActorById(f.users.coordA.id);
    for (const expiresInDays of ["", null, undefined]) {
      const { record } = await createPersonalToken(actor, { name: "Default", expiresInDays, password: FIXTURE_PASSWORD });
      expect(daysFromNow(record.expiresAt)).toBe(90);
    }
    expect(daysFromNow((await createPersonalToken(actor, { name: "Max", expiresInDays: 90, password: FIXTURE_PASSWORD })).record.expiresAt)).toBe(90);
    process.env.API_TOKEN_MAX_DAYS = "30";
    expect(daysFromNow((await createPersonalToken(actor, { name: "Short", expiresInDays: "", password: FIXTURE_PASSWORD })).record.expiresAt)).toBe(30);
  });

  it("refuse a longer lifetime than the maximum, naming the field, and write nothing", async () => {
    const actor = await loadActorById(f.users.coordB.id);
    const before = (await listPersonalTokens(actor)).length;
    const tooLong = await createPersonalToken(actor, { name: "Long", expiresInDays: 91, password: FIXTURE_PASSWORD }).catch((e) => e);
    expect(tooLong).toBeInstanceOf(ValidationError);
    expect(Object.keys(tooLong.fieldErrors)).toEqual(["expiresInDays"]);
    expect(tooLong.fieldErrors.expiresInDays[0]).toMatch(/90 days/);
    process.env.API_TOKEN_MAX_DAYS = "30";
    await expect(createPersonalToken(actor, { name: "Long", expiresInDays: "31", password: FIXTURE_PASSWORD })).rejects.toMatchObject({
      fieldErrors: { expiresInDays: [expect.stringMatching(/30 days/)] },
    });
    expect((await listPersonalTokens(actor)).length).toBe(before);
  });

  it("need the person's current password: missing or wrong is a 422 on the password field that never echoes it, and writes nothing", async () => {
    const actor = await loadActorById(f.users.invA.id);
    const before = (await listPersonalTokens(actor)).length;
    const missing = await createPersonalToken(actor, { name: "No password", expiresInDays: 7 }).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(Object.keys(missing.fieldErrors)).toEqual(["password"]);
    const wrong = await createPersonalToken(actor, { name: "Wrong", expiresInDays: 7, password: "Not-the-password-9" }).catch((e) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect(Object.keys(wrong.fieldErrors)).toEqual(["password"]);
    expect(JSON.stringify({ message: wrong.message, fieldErrors: wrong.fieldErrors })).not.toContain("Not-the-password-9");
    // Someone else's password is not yours.
    await expect(createPersonalToken(await loadActorById(f.users.invB.id), { name: "x", password: "Not-the-password-9" })).rejects.toBeInstanceOf(ValidationError);
    expect((await listPersonalTokens(actor)).length).toBe(before);
    const db = await getDb();
    const audited = await db.select().from(auditEvents).where(eq(auditEvents.actorId, actor.id));
    expect(JSON.stringify(audited)).not.toContain("Not-the-password-9");
    expect((await createPersonalToken(actor, { name: "Right", expiresInDays: 7, password: FIXTURE_PASSWORD })).record.name).toBe("Right");
  });

  it("a token stored without an expiry (made before the limit) stops once it is older than the maximum", async () => {
    const actor = await loadActorById(f.users.admin.id);
    const { token, record } = await createPersonalToken(actor, { name: "Legacy", password: FIXTURE_PASSWORD });
    const db = await getDb();
    await db.update(apiTokens).set({ expiresAt: null, createdAt: new Date(Date.now() - 10 * DAY) }).where(eq(apiTokens.id, record.id));
    expect((await me(token)).response.status).toBe(200);
    await db.update(apiTokens).set({ createdAt: new Date(Date.now() - 91 * DAY) }).where(eq(apiTokens.id, record.id));
    expect((await me(token)).response.status).toBe(401);
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
    const first = await createPersonalToken(actor, { name: "One", expiresInDays: null, password: FIXTURE_PASSWORD });
    const second = await createPersonalToken(actor, { name: "Two", expiresInDays: null, password: FIXTURE_PASSWORD });
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
    const { token } = await createPersonalToken(await loadActorById(f.users.invB.id), { name: "Other", expiresInDays: null, password: FIXTURE_PASSWORD });
    expect((await me(token)).response.status).toBe(200);
  });
});
