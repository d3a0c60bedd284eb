/**
 * The keyed chain (issue 12, finding 6): rows are HMAC-SHA256 under AUDIT_KEY, which the database
 * never stores; rows written before the key still verify; a plain row after keyed ones does not.
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AUDIT_KEY_SETTING, hmacPads } from "@/db/audit-key";
import { rawSql, testAuditKey, testDb, withTestDb } from "@/tests/db";
import { resultRows } from "../rate-limit";
import { appendAudit } from "./writer";
import { verifyAuditChain } from "./verify";

withTestDb();

const OTHER_KEY = "an-entirely-different-audit-key-of-enough-length";

/** Rows as a deployment wrote them before drizzle/0005: plain SHA-256, key_version 0. */
async function appendLegacy(n: number) {
  await rawSql("alter table audit_events disable trigger audit_events_chain");
  for (let i = 0; i < n; i++) {
    await rawSql(`
      insert into audit_events (id, seq, at, entity, action, changes, prev_hash, hash, key_version)
      select x.id, x.seq, x.at, 'legacy', 'old${i}', '{}'::jsonb, x.prev,
             audit_event_hash(x.id, x.seq, x.at, null, null, null, 'legacy', null, 'old${i}', '{}'::jsonb, null, null, x.prev), 0
      from (select gen_random_uuid() as id, now() as at,
                   coalesce((select max(seq) from audit_events), 0) + 1 as seq,
                   coalesce((select hash from audit_events order by seq desc limit 1), repeat('0', 64)) as prev) x`);
  }
  await rawSql("alter table audit_events enable trigger audit_events_chain");
}

describe("the keyed audit chain", () => {
  it("verifies rows written before the key, then keys every new row", async () => {
    const db = await testDb();
    await appendLegacy(3);
    for (let i = 0; i < 3; i++) await appendAudit(db, { actor: null, entity: "subject", action: `new${i}`, changes: { a: [i, i + 1] } });
    const rows = resultRows<{ seq: number; key_version: number }>(await db.execute(sql`select seq::int, key_version from audit_events order by seq`));
    expect(rows.map((r) => r.key_version)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 6 });
  });

  it("is standard HMAC-SHA256 of the row under AUDIT_KEY (anyone with the key can check it outside the database)", async () => {
    const db = await testDb();
    const [row] = resultRows<{ message: string; hash: string }>(
      await db.execute(sql`
        select jsonb_build_array(id, seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_id, actor_username,
               site_id, entity, entity_id, action, changes, reason, client_address, prev_hash)::text as message, hash
        from audit_events where key_version = 1 order by seq desc limit 1`),
    );
    expect(row!.hash).toBe(crypto.createHmac("sha256", testAuditKey.key).update(row!.message, "utf8").digest("hex"));
    expect(row!.hash).not.toBe(crypto.createHash("sha256").update(row!.message, "utf8").digest("hex"));
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

  it("refuses to append on a session without the key", async () => {
    const db = await testDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config(${AUDIT_KEY_SETTING}, '', true)`);
        await appendAudit(tx, { actor: null, entity: "e", action: "keyless" });
      }),
    ).rejects.toThrow();
    const [n] = resultRows<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_events where action = 'keyless'`));
    expect(n!.n).toBe(0);
  });

  it("finds a keyed row rewritten as a plain one (someone without the key recomputing the hash)", async () => {
    const db = await testDb();
    await rawSql("alter table audit_events disable trigger audit_events_no_update_delete");
    await rawSql(`
      update audit_events set reason = 'rewritten', key_version = 0,
        hash = audit_event_hash(id, seq, at, actor_id, actor_username, site_id, entity, entity_id, action, changes, 'rewritten', client_address, prev_hash)
      where seq = (select max(seq) from audit_events)`);
    await rawSql("alter table audit_events enable trigger audit_events_no_update_delete");
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenAt).toMatchObject({ seq: 6, problem: expect.stringMatching(/without the audit key/) });
  });
});
