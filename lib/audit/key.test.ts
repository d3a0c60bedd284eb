/**
 * The keyed chain (issue 12, finding 6; sealed since issue 13): events and seals are HMAC-SHA256
 * under AUDIT_KEY, which the database never stores; events chained before the key or before the
 * sealer still verify; a plain one after keyed ones does not.
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AUDIT_KEY_SETTING, hmacPads } from "@/db/audit-key";
import { rawSql, testAuditKey, testDb, withTestDb } from "@/tests/db";
import { resultRows } from "../rate-limit";
import { sealAll, sealAudit } from "./sealer";
import { appendAudit } from "./writer";
import { verifyAuditChain } from "./verify";

withTestDb();

const OTHER_KEY = "an-entirely-different-audit-key-of-enough-length";

/**
 * Events as a deployment wrote them before the sealer (drizzle/0007), chained at insert — plain
 * SHA-256 before the key (0005, key_version 0), HMAC after (1) — each with the seal the migration
 * gives it: the same place and hashes.
 */
async function appendChainedAtInsert(n: number, keyVersion: 0 | 1) {
  const hash = keyVersion === 0 ? "audit_event_hash" : "audit_event_hmac";
  await rawSql("alter table audit_events disable trigger audit_events_chain");
  for (let i = 0; i < n; i++) {
    await rawSql(`
      with x as (
        select gen_random_uuid() as id, now() as at, coalesce((select max(chain_seq) from audit_seals), 0) + 1 as seq,
               coalesce((select hash from audit_seals order by chain_seq desc limit 1), repeat('0', 64)) as prev
      ), e as (
        insert into audit_events (id, seq, at, entity, action, changes, prev_hash, hash, key_version)
        select x.id, x.seq, x.at, 'legacy', 'old${keyVersion}${i}', '{}'::jsonb, x.prev,
               ${hash}(x.id, x.seq, x.at, null, null, null, 'legacy', null, 'old${keyVersion}${i}', '{}'::jsonb, null, null, x.prev), ${keyVersion}
        from x returning id, seq, prev_hash, hash
      )
      insert into audit_seals (chain_seq, event_id, prev_hash, hash, horizon) select seq, id, prev_hash, hash, 0 from e`);
  }
  await rawSql("alter table audit_events enable trigger audit_events_chain");
  await rawSql("select setval('audit_events_seq_counter', (select max(seq) from audit_events))");
}

describe("the keyed audit chain", () => {
  it("verifies events chained before the key and before the sealer, then seals every new one", async () => {
    const db = await testDb();
    await appendChainedAtInsert(3, 0);
    await appendChainedAtInsert(2, 1);
    for (let i = 0; i < 3; i++) await appendAudit(db, { actor: null, entity: "subject", action: `new${i}`, changes: { a: [i, i + 1] } });
    expect(await sealAll(db)).toBe(3);
    const rows = resultRows<{ seq: number; key_version: number }>(await db.execute(sql`select seq::int, key_version from audit_events order by seq`));
    expect(rows.map((r) => r.key_version)).toEqual([0, 0, 0, 1, 1, 2, 2, 2]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 8, head: { seq: 8 } });
  });

  it("is standard HMAC-SHA256 of the event, and of the seal over it, under AUDIT_KEY (checkable outside the database)", async () => {
    const db = await testDb();
    const [row] = resultRows<{ event: string; row_hash: string; chain_seq: number; prev_hash: string; hash: string }>(
      await db.execute(sql`
        select jsonb_build_array('event', e.id, e.seq, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id,
               e.actor_username, e.site_id, e.entity, e.entity_id, e.action, e.changes, e.reason, e.client_address)::text as event,
               e.row_hash, s.chain_seq::int, s.prev_hash, s.hash
        from audit_events e join audit_seals s on s.event_id = e.id where e.key_version = 2 order by s.chain_seq desc limit 1`),
    );
    const hmac = (message: string) => crypto.createHmac("sha256", testAuditKey.key).update(message, "utf8").digest("hex");
    expect(row!.row_hash).toBe(hmac(row!.event));
    expect(row!.hash).toBe(hmac(JSON.stringify(["seal", row!.chain_seq, row!.prev_hash, row!.row_hash]).replaceAll(",", ", ")));
    expect(row!.row_hash).not.toBe(crypto.createHash("sha256").update(row!.event, "utf8").digest("hex"));
  });

  it("fails verification under a different AUDIT_KEY, and names the key as a possible cause", async () => {
    const db = await testDb();
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config(${AUDIT_KEY_SETTING}, ${hmacPads(OTHER_KEY)}, true)`);
      return verifyAuditChain(tx);
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenAt).toMatchObject({ seq: 4, problem: expect.stringMatching(/AUDIT_KEY/) });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuses to append, or to seal, on a session without the key", async () => {
    const db = await testDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config(${AUDIT_KEY_SETTING}, '', true)`);
        await appendAudit(tx, { actor: null, entity: "e", action: "keyless" });
      }),
    ).rejects.toThrow();
    const [n] = resultRows<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_events where action = 'keyless'`));
    expect(n!.n).toBe(0);
    await appendAudit(db, { actor: null, entity: "e", action: "sealed with the key" });
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config(${AUDIT_KEY_SETTING}, '', true)`);
        await sealAudit(tx);
      }),
    ).rejects.toThrow();
    expect(await sealAll(db)).toBe(1);
  });

  it("finds a keyed event rewritten as a plain one (someone without the key recomputing the hash)", async () => {
    const db = await testDb();
    await rawSql("alter table audit_events disable trigger audit_events_no_update_delete");
    await rawSql("alter table audit_seals disable trigger audit_seals_no_update_delete");
    await rawSql(`
      update audit_events set reason = 'rewritten', key_version = 0 where seq = (select max(seq) from audit_events)`);
    await rawSql(`
      update audit_seals s set hash = audit_event_hash(e.id, e.seq, e.at, e.actor_id, e.actor_username, e.site_id, e.entity, e.entity_id,
                                                        e.action, e.changes, e.reason, e.client_address, s.prev_hash)
      from audit_events e where e.id = s.event_id and e.seq = (select max(seq) from audit_events)`);
    await rawSql("alter table audit_seals enable trigger audit_seals_no_update_delete");
    await rawSql("alter table audit_events enable trigger audit_events_no_update_delete");
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenAt).toMatchObject({ seq: 9, problem: expect.stringMatching(/without the audit key/) });
  });
});
