/**
 * Real races, on PostgreSQL: requests fired at once through the router, each on its own pooled
 * connection, so the database — row locks, the version check, the audit chain's lock — decides who
 * wins. Two (or more) updates carrying one version: exactly one succeeds and every other gets 409
 * with the newer record, one audit row, the version moved by one. Many audited writes at once: all
 * saved, one audit row each, each sealed once by sealers running alongside, the chain without a gap
 * and verifying. A writer never waits for another's open transaction; the sealer does. PGlite runs one
 * statement at a time on one connection, so nothing can race there: the file is skipped unless
 * DATABASE_URL is set (CI runs it on PostgreSQL).
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvents, subjectNotes, visits } from "@/db/schema";
import { sealAll, sealAudit } from "@/lib/audit/sealer";
import { verifyAuditChain } from "@/lib/audit/verify";
import { appendAudit } from "@/lib/audit/writer";
import { resultRows } from "@/lib/rate-limit";
import { rawCall, tokenFor } from "@/tests/api/client";
import { consentBoth } from "@/tests/fixtures-aes";
import { makeVisit } from "@/tests/fixtures-visits";
import { withTwoSites } from "@/tests/fixtures";

const onPostgres = Boolean(process.env.DATABASE_URL);
const f = withTwoSites();

describe.skipIf(!onPostgres)("races on PostgreSQL", () => {
  it("two updates with one version: exactly one is saved, the other gets 409 with the newer record", async () => {
    await consentBoth(f);
    const [a, b] = await Promise.all([tokenFor(f.users.coordA.id), tokenFor(f.users.invA.id)]);
    for (let round = 0; round < 5; round++) {
      const visit = await makeVisit(f, { scheduledAt: new Date(Date.now() + (10 + round) * 86_400_000) });
      const answers = await Promise.all(
        [a, b].map((token, i) => rawCall("PATCH", `/visits/${visit.id}`, { token, body: JSON.stringify({ version: visit.version, location: `Room ${i}`, reason: "Room change" }) })),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(answers.map((r) => r.body))).toEqual([200, 409]);
      const loser = answers.find((r) => r.status === 409)!;
      const winner = answers.find((r) => r.status === 200)!;
      expect((loser.body?.current as { version: number; location: string }).version).toBe(visit.version + 1);
      expect((loser.body?.current as { location: string }).location).toBe(winner.body?.location);
      const db = await getDb();
      const [row] = await db.select().from(visits).where(eq(visits.id, visit.id));
      expect(row!.version).toBe(visit.version + 1);
      const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, visit.id), eq(auditEvents.entity, "visit")));
      expect(audits).toHaveLength(1);
    }
  });

  it("eight updates with one version: one 200, seven 409s", async () => {
    const tokens = await Promise.all([f.users.coordA, f.users.invA].map((u) => tokenFor(u.id)));
    const visit = await makeVisit(f, { scheduledAt: new Date(Date.now() + 30 * 86_400_000) });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => rawCall("PATCH", `/visits/${visit.id}`, { token: tokens[i % 2], body: JSON.stringify({ version: visit.version, location: `Room ${i}`, reason: "Room change" }) })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
  });

  it("many audited writes at once, sealed while they run by several sealers: one audit row and one seal each, a chain that verifies", async () => {
    const db = await getDb();
    const tokens = await Promise.all([f.users.coordA, f.users.invA, f.users.coordB, f.users.invB].map((u) => tokenFor(u.id)));
    const [{ head } = { head: 0 }] = resultRows<{ head: number }>(await db.execute(sql`select coalesce(max(seq), 0)::int as head from audit_events`));
    const writes = Array.from({ length: 24 }, (_, i) => {
      const siteA = i % 4 < 2;
      return rawCall("POST", "/subject-notes", {
        token: tokens[i % 4],
        body: JSON.stringify({ subjectId: siteA ? f.subjectA.id : f.subjectB.id, noteType: "call", noteText: `Race note ${i}` }),
      });
    });
    // Three sealers (as three app instances) pass as fast as they can while the writes run.
    let writing = true;
    const sealers = Array.from({ length: 3 }, async () => {
      while (writing) await sealAudit(db);
    });
    const answers = await Promise.all(writes);
    writing = false;
    await Promise.all(sealers);
    await sealAll(db);
    expect(answers.map((r) => r.status)).toEqual(Array(24).fill(201));
    const ids = answers.map((r) => r.body?.id as string);
    const notes = await db.select({ id: subjectNotes.id }).from(subjectNotes).where(sql`${subjectNotes.id} in ${ids}`);
    expect(notes).toHaveLength(24);
    const rows = resultRows<{ seq: number; entity: string; entity_id: string; seals: number }>(
      await db.execute(sql`
        select e.seq::int as seq, e.entity, e.entity_id, (select count(*)::int from audit_seals s where s.event_id = e.id) as seals
        from audit_events e where e.seq > ${head} order by e.seq`),
    );
    const noteRows = rows.filter((r) => r.entity === "subject_note");
    expect(new Set(noteRows.map((r) => r.entity_id))).toEqual(new Set(ids));
    expect(noteRows).toHaveLength(24);
    expect(rows.every((r) => r.seals === 1)).toBe(true);
    const [gaps] = resultRows<{ n: number; span: number }>(await db.execute(sql`select count(*)::int as n, (max(chain_seq) - min(chain_seq) + 1)::int as span from audit_seals`));
    expect(gaps!.span).toBe(gaps!.n); // the chain itself has no gap
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: { count: 0 } });
  });

  it("a writer does not wait for another writer's open transaction; the sealer does, then seals both in order", async () => {
    const db = await getDb();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const ready = new Promise<void>((resolve) => (appended = resolve));
    const slow = db.transaction(async (tx) => {
      await appendAudit(tx, { actor: null, entity: "race", action: "slow" });
      appended();
      await held;
    });
    await ready;
    // Before the sealer, this append queued behind the open transaction's chain lock until it ended.
    const fast = appendAudit(db, { actor: null, entity: "race", action: "fast" }).then(() => "appended");
    const waited = new Promise((resolve) => setTimeout(() => resolve("still waiting after 5 s"), 5000));
    expect(await Promise.race([fast, waited])).toBe("appended");
    const sealedOf = async () =>
      resultRows<{ action: string; chain_seq: number | null }>(
        await db.execute(sql`
          select e.action, s.chain_seq::int as chain_seq from audit_events e left join audit_seals s on s.event_id = e.id
          where e.entity = 'race' order by e.seq`),
      );
    await sealAll(db);
    // The slow transaction is still open (its event not visible yet): the fast event, whose
    // transaction began after it, waits too — sealing it now would put it before the slow one.
    expect(await sealedOf()).toEqual([{ action: "fast", chain_seq: null }]);
    release();
    await slow;
    await sealAll(db);
    const sealed = await sealedOf();
    expect(sealed.map((r) => r.action)).toEqual(["slow", "fast"]);
    expect(sealed[1]!.chain_seq).toBe(sealed[0]!.chain_seq! + 1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: { count: 0 } });
  });
});
