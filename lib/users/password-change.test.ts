/**
 * A person changes their own password (issue 12, finding 4): the current one is required (and a
 * wrong one counts in the login throttle); the new one is validated beside its field; the change is
 * audited without the value; their API tokens are revoked and their other sessions end, while the
 * session that made the change stays; an admin's "must change" flag is cleared.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditEvents, users } from "@/db/schema";
import { createSessionToken } from "@/lib/api/tokens";
import { testDb } from "@/tests/db";
import { FIXTURE_PASSWORD, withTwoSites } from "@/tests/fixtures";
import { authenticate, PAIR_LIMIT } from "../auth/credentials";
import { loadSessionActor } from "../auth/load-actor";
import { startSession } from "../auth/sessions";
import { RateLimitedError, ValidationError } from "../errors";
import { changeOwnPassword, WRONG_CURRENT_PASSWORD } from "./password-change";
import { resetPassword } from "./password-reset";

const f = withTwoSites();
const NEW = "brand-new-password-7";

const change = (currentPassword: string, password = NEW, confirmPassword = password) => ({ currentPassword, password, confirmPassword });

describe("changeOwnPassword", () => {
  it("needs the current password, checks the new one beside its field, and writes nothing when refused", async () => {
    const me = await f.actor(f.users.coordA.id);
    const db = await testDb();
    const [before] = await db.select().from(users).where(eq(users.id, me.id));
    const wrong = await changeOwnPassword(me, change("not-my-password"), null).catch((e) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect(wrong.fieldErrors).toEqual({ currentPassword: [WRONG_CURRENT_PASSWORD] });
    const bad = await changeOwnPassword(me, change(FIXTURE_PASSWORD, "short", "other"), null).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["confirmPassword", "password"]);
    const same = await changeOwnPassword(me, change(FIXTURE_PASSWORD, FIXTURE_PASSWORD), null).catch((e) => e);
    expect(same.fieldErrors.password).toEqual(["Choose a password different from the current one."]);
    const [after] = await db.select().from(users).where(eq(users.id, me.id));
    expect(after).toEqual(before);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "user.change_password"))).toHaveLength(0);
  });

  it("changes it, audited without the value; ends the other sessions, keeps this one, revokes the API tokens", async () => {
    const me = await f.actor(f.users.invA.id);
    const here = await startSession(me.id, null);
    const elsewhere = await startSession(me.id, null);
    const { token } = await createSessionToken(me, null);
    await changeOwnPassword(me, change(FIXTURE_PASSWORD), here);
    expect(await loadSessionActor(me.id, here)).not.toBeNull();
    expect(await loadSessionActor(me.id, elsewhere)).toBeNull();
    const db = await testDb();
    const live = await db.select().from(apiTokens).where(and(eq(apiTokens.userId, me.id)));
    expect(live.every((t) => t.revokedAt !== null)).toBe(true);
    expect(token).toBeTruthy();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.change_password"));
    expect(audit).toMatchObject({ actorId: me.id, entity: "user", entityId: me.id, changes: { password: ["[redacted]", "[redacted]"] } });
    expect(JSON.stringify(audit)).not.toContain(NEW);
    expect(await authenticate({ username: "inv_a", password: NEW }, "10.1.1.1")).toMatchObject({ ok: true });
    expect(await authenticate({ username: "inv_a", password: FIXTURE_PASSWORD }, "10.1.1.1")).toMatchObject({ ok: false });
  });

  it("clears the flag an admin's reset set", async () => {
    const admin = await f.actor(f.users.admin.id);
    const db = await testDb();
    const [row] = await db.select({ version: users.version }).from(users).where(eq(users.id, f.users.coordB.id));
    await resetPassword(admin, { userId: f.users.coordB.id, version: row!.version, password: "Temporary-pass-42", confirmPassword: "Temporary-pass-42" });
    const sid = await startSession(f.users.coordB.id, null);
    expect(await loadSessionActor(f.users.coordB.id, sid)).toMatchObject({ mustChangePassword: true });
    await changeOwnPassword(await f.actor(f.users.coordB.id), change("Temporary-pass-42"), sid);
    expect(await loadSessionActor(f.users.coordB.id, sid)).toMatchObject({ mustChangePassword: false });
  });

  it("locks after five wrong current passwords in 15 minutes, even for the right one", async () => {
    const me = await f.actor(f.users.sponsor.id);
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      await expect(changeOwnPassword(me, change(`wrong-${i}-password`), null)).rejects.toBeInstanceOf(ValidationError);
    }
    const locked = await changeOwnPassword(me, change(FIXTURE_PASSWORD), null).catch((e) => e);
    expect(locked).toBeInstanceOf(RateLimitedError);
    expect(locked.message).toMatch(/Too many wrong passwords: changing your password is locked\. Try again in \d+ minutes?/);
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
  });
});
