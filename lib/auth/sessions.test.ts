/**
 * Sessions that can be revoked (issue 12, finding 4): the cookie names a server-side session, and
 * loadSessionActor — the one check every web request passes — refuses it once it was signed out
 * (by any path), outlived its absolute lifetime or idle timeout, or once its person's password,
 * status, role or site changed, by whatever path.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { rawCall } from "@/tests/api/client";
import { testDb } from "@/tests/db";
import { FIXTURE_PASSWORD, withTwoSites } from "@/tests/fixtures";
import { handleLive } from "../live/endpoint";
import { resultRows } from "../rate-limit";
import { assignRole, setUserStatus } from "../users/admin";
import { resetPassword } from "../users/password-reset";
import { authenticate, MUST_CHANGE_PASSWORD_API } from "./credentials";
import { loadSessionActor } from "./load-actor";
import { signedOut } from "./logout";
import { endSession, SESSION_HOURS, startSession } from "./sessions";

const f = withTwoSites();

async function age(sessionId: string, column: "created_at" | "last_seen_at", minutes: number) {
  const db = await testDb();
  await db.execute(sql`update user_sessions set ${sql.raw(column)} = now() - make_interval(mins => ${minutes}) where id = ${sessionId}`);
}

const stands = async (userId: string, sessionId: string) => (await loadSessionActor(userId, sessionId)) !== null;

async function version(userId: string) {
  const db = await testDb();
  const [row] = await db.select({ version: users.version }).from(users).where(eq(users.id, userId));
  return row!.version;
}

describe("server-side sessions", () => {
  afterEach(() => {
    delete process.env.SESSION_IDLE_MINUTES;
  });

  it("a session stands for its own person only, and reads them fresh", async () => {
    const sid = await startSession(f.users.coordA.id, "10.0.0.1");
    const current = await loadSessionActor(f.users.coordA.id, sid);
    expect(current).toMatchObject({ sessionId: sid, signed: false, mustChangePassword: false, actor: { id: f.users.coordA.id, siteName: "Site A" } });
    expect(await loadSessionActor(f.users.coordB.id, sid)).toBeNull();
    expect(await loadSessionActor(f.users.coordA.id, undefined)).toBeNull();
    expect(await loadSessionActor(f.users.coordA.id, "00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(await loadSessionActor(f.users.coordA.id, "not-an-id")).toBeNull();
  });

  it("signing out ends the session at once and is audited once, whichever path came first", async () => {
    const sid = await startSession(f.users.coordA.id, "10.0.0.1");
    const other = await startSession(f.users.coordA.id, "10.0.0.2");
    expect(await signedOut(sid, "10.0.0.1")).toBe(true);
    expect(await stands(f.users.coordA.id, sid)).toBe(false);
    // A second sign-out of the same session (the button, then /api/auth/signout) writes nothing.
    expect(await signedOut(sid, "10.0.0.1")).toBe(false);
    const db = await testDb();
    const rows = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "logout"), eq(auditEvents.actorId, f.users.coordA.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: "session", clientAddress: "10.0.0.1", actorUsername: "coord_a" });
    // The same person's other session (another browser) is its own.
    expect(await stands(f.users.coordA.id, other)).toBe(true);
  });

  it("ends 12 hours after sign-in however busy it was (the lifetime never slides)", async () => {
    expect(SESSION_HOURS).toBe(12);
    const sid = await startSession(f.users.invA.id, null);
    await age(sid, "created_at", 12 * 60 - 1);
    expect(await stands(f.users.invA.id, sid)).toBe(true); // and this request touched it
    await age(sid, "created_at", 12 * 60 + 1);
    expect(await stands(f.users.invA.id, sid)).toBe(false);
  });

  it("ends after SESSION_IDLE_MINUTES (default 30) without a request; a request keeps it alive", async () => {
    const sid = await startSession(f.users.invA.id, null);
    await age(sid, "last_seen_at", 29);
    expect(await stands(f.users.invA.id, sid)).toBe(true);
    // That request reset the idle clock: 29 more minutes are fine again.
    const db = await testDb();
    const [seen] = resultRows<{ idle: number }>(await db.execute(sql`select extract(epoch from now() - last_seen_at)::int as idle from user_sessions where id = ${sid}`));
    expect(Number(seen!.idle)).toBeLessThan(5);
    await age(sid, "last_seen_at", 31);
    expect(await stands(f.users.invA.id, sid)).toBe(false);

    process.env.SESSION_IDLE_MINUTES = "5";
    const short = await startSession(f.users.invA.id, null);
    await age(short, "last_seen_at", 4);
    expect(await stands(f.users.invA.id, short)).toBe(true);
    await age(short, "last_seen_at", 6);
    expect(await stands(f.users.invA.id, short)).toBe(false);
  });

  it("an admin's disable, role change and site change end the person's sessions at once", async () => {
    const admin = await f.actor(f.users.admin.id);
    const coordB = f.users.coordB.id;

    let sid = await startSession(coordB, null);
    await assignRole(admin, { userId: coordB, role: "investigator", siteId: f.siteB.id, version: await version(coordB) });
    expect(await stands(coordB, sid)).toBe(false);

    sid = await startSession(coordB, null);
    await assignRole(admin, { userId: coordB, role: "investigator", siteId: f.siteA.id, version: await version(coordB) });
    expect(await stands(coordB, sid)).toBe(false);

    sid = await startSession(coordB, null);
    await setUserStatus(admin, { userId: coordB, status: "disabled", reason: "Left the study", version: await version(coordB) });
    expect(await stands(coordB, sid)).toBe(false);
    // Re-enabling does not bring it back.
    await setUserStatus(admin, { userId: coordB, status: "active", reason: "Back", version: await version(coordB) });
    expect(await stands(coordB, sid)).toBe(false);

    // Any path, even a statement outside the app's code (the trigger sits on the table).
    sid = await startSession(coordB, null);
    const db = await testDb();
    await db.update(users).set({ siteId: f.siteB.id }).where(eq(users.id, coordB));
    expect(await stands(coordB, sid)).toBe(false);
    // A change to something else (the display name) ends nothing.
    sid = await startSession(coordB, null);
    await db.update(users).set({ displayName: "Renamed" }).where(eq(users.id, coordB));
    expect(await stands(coordB, sid)).toBe(true);
  });

  it("an admin's password reset ends every session and forces a change at the next sign-in", async () => {
    const admin = await f.actor(f.users.admin.id);
    const target = f.users.invB.id;
    const sessions = [await startSession(target, null), await startSession(target, null)];
    await resetPassword(admin, { userId: target, version: await version(target), password: "Temporary-pass-42", confirmPassword: "Temporary-pass-42" });
    for (const sid of sessions) expect(await stands(target, sid)).toBe(false);
    const signIn = await authenticate({ username: "inv_b", password: "Temporary-pass-42" }, "10.9.0.1");
    expect(signIn).toMatchObject({ ok: true, user: { mustChangePassword: true } });
    const fresh = await startSession(target, null);
    expect(await loadSessionActor(target, fresh)).toMatchObject({ mustChangePassword: true });
    expect(await authenticate({ username: "inv_b", password: FIXTURE_PASSWORD }, "10.9.0.1")).toMatchObject({ ok: false });
    // The API gives no token on the temporary password: 403 problem+json saying what to do.
    const api = await rawCall("POST", "/sessions", { body: JSON.stringify({ username: "inv_b", password: "Temporary-pass-42" }) });
    expect(api.status).toBe(403);
    expect(api.type).toMatch(/application\/problem\+json/);
    expect(api.body).toMatchObject({ detail: MUST_CHANGE_PASSWORD_API });
  });

  it("a live stream opened with the session ends once the session is signed out", async () => {
    const id = f.users.coordA.id;
    const sid = await startSession(id, null);
    const first = await loadSessionActor(id, sid);
    const abort = new AbortController();
    const response = await handleLive(
      new Request("http://trialdesk.test/api/v1/live", { signal: abort.signal }),
      async () => ({ actor: first!.actor, reload: async () => (await loadSessionActor(id, sid))?.actor ?? null }),
      { heartbeatMs: 100 },
    );
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    const read = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += value;
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    expect(text).not.toContain("event: end");
    await signedOut(sid, null);
    await Promise.race([read, new Promise((r) => setTimeout(r, 3000))]);
    abort.abort();
    expect(text).toContain(`event: end\ndata: ${JSON.stringify({ reason: "unauthenticated" })}`);
  });

  it("endSession refuses what already ended", async () => {
    const sid = await startSession(f.users.sponsor.id, null);
    expect(await endSession(sid, "test")).toEqual({ userId: f.users.sponsor.id });
    expect(await endSession(sid, "test")).toBeNull();
  });
});
