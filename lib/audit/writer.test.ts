import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { rawSql, testDb, withTestDb } from "@/tests/db";
import { appendAudit, diffChanges } from "./writer";
import { verifyAuditChain } from "./verify";

withTestDb();

describe("diffChanges", () => {
  it("lists changed fields as [old, new] and skips bookkeeping", () => {
    const before = { a: 1, b: "x", updatedAt: new Date(0), version: 1 };
    const after = { a: 2, b: "x", updatedAt: new Date(1), version: 2 };
    expect(diffChanges(before, after)).toEqual({ a: [1, 2] });
  });
  it("lists every set field of a creation and redacts secrets", () => {
    expect(diffChanges(null, { a: 1, empty: null, password: "hash" })).toEqual({
      a: [null, 1],
      password: ["[redacted]", "[redacted]"],
    });
  });
  it("serialises dates as ISO strings", () => {
    expect(diffChanges({ at: null }, { at: new Date("2026-01-02T03:04:05Z") })).toEqual({
      at: [null, "2026-01-02T03:04:05.000Z"],
    });
  });
});

describe("the audit trail in the database", () => {
  beforeAll(async () => {
    const db = await testDb();
    for (let i = 0; i < 5; i++) {
      await appendAudit(db, {
        actor: null,
        actorUsername: `user${i}`,
        entity: "subject",
        entityId: `id-${i}`,
        action: "update",
        changes: { fullName: [`Old ${i}`, `New ${i}`] },
        reason: "typo",
      });
    }
  });

  it("numbers rows in order and chains each to the previous hash, stamped by the database clock", async () => {
    const db = await testDb();
    const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(Math.abs(rows[0]!.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5, head: { seq: 5, hash: rows[4]!.hash } });
  });

  it("ignores a client-supplied time, sequence and hash", async () => {
    const db = await testDb();
    await db.insert(auditEvents).values({
      entity: "x",
      action: "forged",
      at: new Date("2001-01-01T00:00:00Z"),
      seq: 999,
      hash: "f".repeat(64),
      prevHash: "e".repeat(64),
    });
    const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const forged = rows.at(-1)!;
    expect(forged.seq).toBe(6);
    expect(forged.at.getFullYear()).toBeGreaterThan(2001);
    expect(forged.prevHash).toBe(rows.at(-2)!.hash);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuses UPDATE, DELETE and TRUNCATE, even on the app's own connection", async () => {
    await expect(rawSql("update audit_events set reason = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(rawSql("delete from audit_events where seq = 1")).rejects.toThrow(/append-only/);
    await expect(rawSql("truncate audit_events")).rejects.toThrow(/append-only/);
    const db = await testDb();
    await expect(db.update(auditEvents).set({ reason: "x" })).rejects.toThrow();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("finds a tampered row (someone with the power to disable the guard) and names it", async () => {
    await rawSql("alter table audit_events disable trigger audit_events_no_update_delete");
    await rawSql("update audit_events set changes = '{\"fullName\":[\"Old 2\",\"Forged\"]}' where seq = 3");
    await rawSql("alter table audit_events enable trigger audit_events_no_update_delete");
    const result = await verifyAuditChain(await testDb());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.brokenAt.seq).toBe(3);
      expect(result.brokenAt.problem).toMatch(/altered/);
    }
  });

  it("finds a removed row", async () => {
    // Row 3 is broken by the previous test, so a check from the start stops there whatever else
    // happened. Check from row 4 instead (as from a stored checkpoint): intact before the removal,
    // broken at the row after the removed one once it is gone.
    const db = await testDb();
    const [row4] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, 4));
    expect(await verifyAuditChain(db, { from: row4! })).toMatchObject({ ok: true, checked: 2 });

    await rawSql("alter table audit_events disable trigger audit_events_no_update_delete");
    await rawSql("delete from audit_events where seq = 5");
    await rawSql("alter table audit_events enable trigger audit_events_no_update_delete");
    const rows = await db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 6]);
    const result = await verifyAuditChain(db, { from: row4! });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenAt).toMatchObject({ seq: 6, problem: expect.stringMatching(/missing/) });
  });
});
