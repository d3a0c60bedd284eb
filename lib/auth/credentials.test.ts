import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, makeUser } from "@/tests/fixtures";
import { ADDRESS_LIMIT, PAIR_LIMIT, authenticate } from "./credentials";

withTestDb();

async function auditActions(username: string) {
  const db = await testDb();
  const rows = await db
    .select({ action: auditEvents.action, clientAddress: auditEvents.clientAddress, changes: auditEvents.changes })
    .from(auditEvents)
    .where(eq(auditEvents.actorUsername, username));
  return rows;
}

describe("authenticate", () => {
  beforeAll(async () => {
    await makeUser("Carol", "sponsor", null, "active");
  });

  it("accepts the right password, case-insensitively on the username, and audits the login", async () => {
    const result = await authenticate({ username: "carol", password: FIXTURE_PASSWORD }, "10.0.0.1");
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.user.username).toBe("Carol");
      expect(result.user).not.toHaveProperty("password");
    }
    const rows = await auditActions("Carol");
    expect(rows.map((r) => r.action)).toContain("login");
    expect(rows.find((r) => r.action === "login")?.clientAddress).toBe("10.0.0.1");
  });

  it("refuses a wrong password and an unknown user alike, audits both, and never records the password", async () => {
    expect(await authenticate({ username: "carol", password: "wrong-password-1" }, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ username: "nobody", password: "wrong-password-1" }, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    const db = await testDb();
    const failed = await db.select().from(auditEvents).where(eq(auditEvents.action, "login.failed"));
    expect(failed.map((f) => f.actorUsername).sort()).toEqual(["carol", "nobody"]);
    expect(JSON.stringify(failed)).not.toContain("wrong-password-1");
  });

  it("refuses malformed input without touching the database", async () => {
    expect(await authenticate({ username: "", password: "" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ username: 42, password: ["x"] }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles a username after repeated failures from one address, even with the right password", async () => {
    await makeUser("dave", "sponsor", null);
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      await authenticate({ username: "dave", password: "wrong-password-x" }, "10.1.0.1");
    }
    const result = await authenticate({ username: "DAVE", password: FIXTURE_PASSWORD }, "10.1.0.1");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe("rate_limited");
    if (!result.ok && result.reason === "rate_limited") expect(result.retryAfterSeconds).toBeGreaterThan(0);
    const rows = await auditActions("DAVE");
    expect(rows.map((r) => r.action)).toEqual(["login.locked"]);
    expect(rows[0]!.changes).toMatchObject({ failedAttempts: [null, PAIR_LIMIT.max], locked: [null, "this account from this address"] });
  });

  it("writes one audit row per lock, however many refused attempts follow (issue 12, finding 3)", async () => {
    await makeUser("flood", "sponsor", null);
    const db = await testDb();
    const total = async () => (await db.select({ seq: auditEvents.seq }).from(auditEvents)).length;
    for (let i = 0; i < PAIR_LIMIT.max; i++) await authenticate({ username: "flood", password: "wrong-password-x" }, "10.8.0.1");
    const before = await total();
    // Sequential and parallel refused guesses alike.
    for (let i = 0; i < 20; i++) await authenticate({ username: "flood", password: "wrong-password-x" }, "10.8.0.1");
    const parallel = await Promise.all(Array.from({ length: 40 }, () => authenticate({ username: "flood", password: "wrong-password-x" }, "10.8.0.1")));
    expect(parallel.every((r) => !r.ok && r.reason === "rate_limited")).toBe(true);
    expect((await total()) - before).toBe(1);
    const actions = (await auditActions("flood")).map((r) => r.action);
    expect(actions.filter((a) => a === "login.locked")).toHaveLength(1);
    expect(actions.filter((a) => a === "login.failed")).toHaveLength(PAIR_LIMIT.max);
  });

  it("throttles a client address that tries many usernames", async () => {
    await makeUser("erin", "sponsor", null);
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
      await authenticate({ username: `guess${i}`, password: "wrong-password-x" }, "10.2.0.1");
    }
    const blocked = await authenticate({ username: "erin", password: FIXTURE_PASSWORD }, "10.2.0.1");
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    // Another address is unaffected.
    expect((await authenticate({ username: "erin", password: FIXTURE_PASSWORD }, "10.2.0.2")).ok).toBe(true);
  });

  it("clears a username's failures after a successful sign-in", async () => {
    await makeUser("fay", "sponsor", null);
    for (let i = 0; i < PAIR_LIMIT.max - 1; i++) {
      await authenticate({ username: "fay", password: "wrong-password-x" }, "10.3.0.1");
    }
    expect((await authenticate({ username: "fay", password: FIXTURE_PASSWORD }, "10.3.0.1")).ok).toBe(true);
    for (let i = 0; i < PAIR_LIMIT.max - 1; i++) {
      await authenticate({ username: "fay", password: "wrong-password-x" }, "10.3.0.1");
    }
    expect((await authenticate({ username: "fay", password: FIXTURE_PASSWORD }, "10.3.0.1")).ok).toBe(true);
  });

  it("refuses a disabled account and lets a pending one in (to its waiting page only)", async () => {
    await makeUser("gina", "coordinator", null, "disabled");
    await makeUser("hank", "coordinator", null, "pending");
    expect(await authenticate({ username: "gina", password: FIXTURE_PASSWORD }, null)).toEqual({ ok: false, reason: "disabled" });
    const pending = await authenticate({ username: "hank", password: FIXTURE_PASSWORD }, null);
    expect(pending.ok && pending.user.status).toBe("pending");
    const db = await testDb();
    const [row] = await db.select().from(auditEvents).where(and(eq(auditEvents.actorUsername, "gina"), eq(auditEvents.action, "login.refused_disabled")));
    expect(row).toBeDefined();
    const [gina] = await db.select({ status: users.status }).from(users).where(eq(users.username, "gina"));
    expect(gina?.status).toBe("disabled");
  });
});
