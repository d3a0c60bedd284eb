/**
 * Lockout as a weapon (issue 12, finding 13): failures lock one (account, address) pair, not the
 * account from everywhere; a much higher account-wide ceiling stops a spread-out attack; an admin
 * can unlock, audited; the person is told to wait, never that the password is wrong.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { rawCall } from "@/tests/api/client";
import { testDb, withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, makeUser } from "@/tests/fixtures";
import { lockedUserIds, unlockSignIn } from "../users/unlock";
import { loadActor } from "./load-actor";
import { ACCOUNT_LIMIT, PAIR_LIMIT, authenticate, refusalMessage } from "./credentials";

withTestDb();

const actorOf = async (u: { id: string }) => (await loadActor(u.id))!;

const fail = (username: string, address: string) => authenticate({ username, password: "wrong-password-x" }, address);

describe("lockout per account and address", () => {
  let admin: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    admin = await makeUser("boss", "admin", null);
  });

  it("locks only the address that failed: the owner signs in from elsewhere, told to wait where locked", async () => {
    await makeUser("victim", "sponsor", null);
    for (let i = 0; i < PAIR_LIMIT.max; i++) expect(await fail("victim", "10.50.0.1")).toMatchObject({ reason: "invalid" });
    const here = await authenticate({ username: "victim", password: FIXTURE_PASSWORD }, "10.50.0.1");
    expect(here).toMatchObject({ ok: false, reason: "rate_limited", scope: "address" });
    if (!here.ok) {
      const message = refusalMessage(here);
      expect(message).toMatch(/^Too many attempts from here; try again in \d+ minutes?\.$/);
      expect(message).not.toMatch(/password/i);
    }
    // The same account from another address, and another account from the locked address, are fine.
    expect((await authenticate({ username: "victim", password: FIXTURE_PASSWORD }, "10.50.0.2")).ok).toBe(true);
    await makeUser("bystander", "sponsor", null);
    expect((await authenticate({ username: "bystander", password: FIXTURE_PASSWORD }, "10.50.0.1")).ok).toBe(true);
  });

  it("an attacker cannot lock the admin out: five failures from one address leave the admin's own sign-in working", async () => {
    for (let i = 0; i < PAIR_LIMIT.max * 3; i++) await fail("boss", "203.0.113.9");
    expect((await authenticate({ username: "boss", password: FIXTURE_PASSWORD }, "10.0.0.10")).ok).toBe(true);
  });

  it("locks the account everywhere once the account-wide ceiling is spent, and an admin unlocks it, audited", async () => {
    const target = await makeUser("spread", "sponsor", null);
    expect(ACCOUNT_LIMIT.max).toBeGreaterThanOrEqual(PAIR_LIMIT.max * 5);
    const addresses = Math.ceil(ACCOUNT_LIMIT.max / PAIR_LIMIT.max);
    for (let a = 0; a < addresses; a++) {
      await Promise.all(Array.from({ length: PAIR_LIMIT.max }, () => fail("spread", `198.51.100.${a}`)));
    }
    const anywhere = await authenticate({ username: "spread", password: FIXTURE_PASSWORD }, "10.60.0.1");
    expect(anywhere).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    if (!anywhere.ok) expect(refusalMessage(anywhere)).toMatch(/try again in \d+ minutes?/);

    // The admin's list shows the lock.
    const bystander = await makeUser("calm", "sponsor", null);
    const locked = await lockedUserIds(await actorOf(admin), [target, bystander]);
    expect([...locked]).toEqual([target.id]);

    // Only an admin may unlock.
    await expect(unlockSignIn(await actorOf(target), { userId: target.id })).rejects.toBeInstanceOf(ForbiddenError);
    const result = await unlockSignIn(await actorOf(admin), { userId: target.id });
    expect(result.username).toBe("spread");
    expect((await authenticate({ username: "spread", password: FIXTURE_PASSWORD }, "10.60.0.1")).ok).toBe(true);
    // A pair lock is lifted too.
    expect((await authenticate({ username: "spread", password: FIXTURE_PASSWORD }, "198.51.100.0")).ok).toBe(true);

    expect([...(await lockedUserIds(await actorOf(admin), [target]))]).toEqual([]);

    const db = await testDb();
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.unlock"), eq(auditEvents.entityId, target.id)));
    expect(row).toMatchObject({ actorUsername: "boss", entity: "user" });
  });

  it("POST /api/v1/sessions answers a lock with 429, Retry-After and the wait, not a wrong password", async () => {
    await makeUser("api_person", "sponsor", null);
    const body = (password: string) => JSON.stringify({ username: "api_person", password });
    for (let i = 0; i < PAIR_LIMIT.max; i++) expect((await rawCall("POST", "/sessions", { body: body("wrong-password-x") })).status).toBe(401);
    const locked = await rawCall("POST", "/sessions", { body: body(FIXTURE_PASSWORD) });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(JSON.stringify(locked.body)).toMatch(/Too many attempts from here; try again in \d+ minutes?\./);
    expect(JSON.stringify(locked.body)).not.toMatch(/password/i);
  });
});
