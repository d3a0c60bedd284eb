import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, auditSeals } from "@/db/schema";
import { rawSql, testDb, withTestDb } from "@/tests/db";
import { appendAudit, diffChanges } from "./writer";
import { sealAll, sealAudit } from "./sealer";
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

  it("numbers and hashes each event at insert, stamped by the database clock; the sealer chains them in order", async () => {
    const db = await testDb();
    const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.rowHash ?? "") && r.keyVersion === 2 && r.tx !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.rowHash)).size).toBe(5);
    expect(Math.abs(rows[0]!.at.getTime() - Date.now())).toBeLessThan(60_000);
    // Written, not sealed yet: the chain is empty, the events are counted as waiting (none stale).
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 0, head: null, unsealed: { count: 5, stale: 0, oldestSeq: 1 } });

    expect(await sealAll(db)).toBe(5);
    const seals = await db.select().from(auditSeals).orderBy(asc(auditSeals.chainSeq));
    expect(seals.map((s) => [s.chainSeq, s.eventId])).toEqual(rows.map((r, i) => [i + 1, r.id]));
    expect(seals[0]!.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < seals.length; i++) expect(seals[i]!.prevHash).toBe(seals[i - 1]!.hash);
    expect(await sealAudit(db)).toBe(0); // nothing is sealed twice
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5, head: { seq: 5, hash: seals[4]!.hash }, unsealed: { count: 0 } });
  });

  it("ignores a client-supplied time, number, transaction and hashes", async () => {
    const db = await testDb();
    await db.insert(auditEvents).values({
      entity: "x",
      action: "forged",
      at: new Date("2001-01-01T00:00:00Z"),
      seq: 999,
      hash: "f".repeat(64),
      prevHash: "e".repeat(64),
      rowHash: "d".repeat(64),
      tx: 1,
      keyVersion: 0,
    });
    const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const forged = rows.at(-1)!;
    expect(forged).toMatchObject({ seq: 6, hash: "", prevHash: "", keyVersion: 2 });
    expect(forged.rowHash).not.toBe("d".repeat(64));
    expect(forged.tx).toBeGreaterThan(1);
    expect(forged.at.getFullYear()).toBeGreaterThan(2001);
    expect(await sealAll(db)).toBe(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 6 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of events and seals, even on the app's own connection", async () => {
    for (const table of ["audit_events", "audit_seals"]) {
      await expect(rawSql(`update ${table} set hash = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(rawSql(`delete from ${table}`)).rejects.toThrow(/append-only/);
      await expect(rawSql(`truncate ${table} cascade`)).rejects.toThrow(/append-only/);
    }
    const db = await testDb();
    await expect(db.update(auditEvents).set({ reason: "x" })).rejects.toThrow();
    await expect(db.update(auditSeals).set({ hash: "x" })).rejects.toThrow();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("reports an event slipped in without a seal once it is older than a minute (full check)", async () => {
    const db = await testDb();
    await withGuardsOff(
      "alter table audit_events disable trigger audit_events_chain",
      "insert into audit_events (seq, at, entity, action, key_version) values (1000, now() - interval '5 minutes', 'x', 'slipped in', 2)",
      "alter table audit_events enable trigger audit_events_chain",
    );
    expect(await sealAll(db)).toBe(0); // no transaction id: the sealer never takes it
    const full = await verifyAuditChain(db);
    expect(full).toMatchObject({ ok: true, unsealed: { count: 1, stale: 1, oldestSeq: 1000 } });
    // From a checkpoint only the events of recent transactions are looked at (the index on tx).
    expect(await verifyAuditChain(db, { from: full.ok ? full.head : null })).toMatchObject({ ok: true, checked: 0, unsealed: { count: 0 } });
  });

  it("finds events reordered in the chain (someone with the power to disable the guard)", async () => {
    const db = await testDb();
    const [two, three] = (await db.select().from(auditSeals).orderBy(asc(auditSeals.chainSeq))).slice(1, 3);
    // Seals 2 and 3 put back with each other's event: every hash kept, only the order changed.
    const swap = (a: typeof two, b: typeof two) => [
      "delete from audit_seals where chain_seq in (2, 3)",
      `insert into audit_seals (chain_seq, event_id, prev_hash, hash, horizon) values
        (2, '${b!.eventId}', '${a!.prevHash}', '${a!.hash}', ${a!.horizon}), (3, '${a!.eventId}', '${b!.prevHash}', '${b!.hash}', ${b!.horizon})`,
    ];
    await withGuardsOff(...swap(two, three));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { seq: 2, event: 3, problem: expect.stringMatching(/altered/) } });
    await withGuardsOff("delete from audit_seals where chain_seq in (2, 3)", `insert into audit_seals select * from (values
      (2::bigint, '${two!.eventId}'::uuid, '${two!.prevHash}', '${two!.hash}', ${two!.horizon}::bigint, now()),
      (3::bigint, '${three!.eventId}'::uuid, '${three!.prevHash}', '${three!.hash}', ${three!.horizon}::bigint, now())) v`);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("finds a tampered event and names it", async () => {
    await withGuardsOff("update audit_events set changes = '{\"fullName\":[\"Old 2\",\"Forged\"]}' where seq = 3");
    const result = await verifyAuditChain(await testDb());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.brokenAt).toMatchObject({ seq: 3, event: 3 });
      expect(result.brokenAt.problem).toMatch(/altered/);
    }
  });

  it("finds a removed event with its seal", async () => {
    // Event 3 is broken by the previous test, so a check from the start stops there whatever else
    // happened. Check from seal 4 instead (as from a stored checkpoint): intact before the removal,
    // broken at the seal after the removed one once it is gone.
    const db = await testDb();
    const [seal4] = await db.select({ seq: auditSeals.chainSeq, hash: auditSeals.hash }).from(auditSeals).where(eq(auditSeals.chainSeq, 4));
    expect(await verifyAuditChain(db, { from: seal4! })).toMatchObject({ ok: true, checked: 2 });

    await withGuardsOff("delete from audit_seals where chain_seq = 5", "delete from audit_events where seq = 5");
    const rows = await db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 6, 1000]);
    const result = await verifyAuditChain(db, { from: seal4! });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenAt).toMatchObject({ seq: 6, event: 6, problem: expect.stringMatching(/missing/) });
  });

});

/** Statements run with the append-only guards off, as a table owner could. */
async function withGuardsOff(...statements: string[]): Promise<void> {
  await rawSql("alter table audit_events disable trigger audit_events_no_update_delete");
  await rawSql("alter table audit_seals disable trigger audit_seals_no_update_delete");
  try {
    for (const statement of statements) await rawSql(statement);
  } finally {
    await rawSql("alter table audit_events enable trigger audit_events_no_update_delete");
    await rawSql("alter table audit_seals enable trigger audit_seals_no_update_delete");
  }
}
