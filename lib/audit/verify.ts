/**
 * Recomputes audit rows' hashes in the database (the functions the insert trigger used: plain
 * SHA-256 for rows written before the key, HMAC-SHA256 with AUDIT_KEY after — drizzle/0005) and
 * checks that each row points at its predecessor with no gap. Finds the first broken link.
 *
 * - `verifyAuditChain(db)` checks every row (`npm run audit:verify -- --full`);
 * - `verifyAuditChain(db, { from })` checks the rows after a head already verified, starting with
 *   that head still being there unchanged;
 * - `verifySinceCheckpoint(db)` does that from the stored checkpoint (`audit_checkpoints`) and
 *   moves it forward: the audit page and `npm run audit:verify` pay for what was written since the
 *   last check, not for the whole trail on every load;
 * - `checkAnchor(db, anchor)` compares a head printed earlier by `npm run audit:anchor` and kept
 *   elsewhere: if it is gone or changed, the newest events were removed or rewritten — which a
 *   chain alone cannot show, as the remaining rows still link up.
 *
 * What the checkpoint does not catch: a row before it altered since it was stored. `--full` and
 * `--anchor` re-read everything.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditCheckpoints } from "@/db/schema";
import { resultRows } from "../rate-limit";

export type ChainHead = { seq: number; hash: string };

export type ChainResult =
  | { ok: true; checked: number; from: number; head: ChainHead | null }
  | { ok: false; checked: number; from: number; brokenAt: { seq: number; id: string; problem: string } };

const GENESIS: ChainHead = { seq: 0, hash: "0".repeat(64) };

export async function verifyAuditChain(db: DbOrTx, opts: { from?: ChainHead | null } = {}): Promise<ChainResult> {
  const from = opts.from ?? GENESIS;
  // The head we start from: still there with the hash we verified? (Its key version is where the
  // next row's may not fall below.)
  let fromKeyVersion = 0;
  if (from.seq > 0) {
    const [row] = resultRows<{ id: string; hash: string; key_version: number }>(
      await db.execute(sql`select id, hash, key_version from audit_events where seq = ${from.seq}`),
    );
    if (!row || row.hash !== from.hash) {
      return {
        ok: false,
        checked: 0,
        from: from.seq,
        brokenAt: {
          seq: from.seq,
          id: row?.id ?? "",
          problem: row ? "it changed after it was verified (the row was altered)" : "it was verified before and is gone (rows were removed)",
        },
      };
    }
    fromKeyVersion = Number(row.key_version);
  }
  const result = await db.execute(sql`
    with chain as (
      select id, seq, hash, prev_hash, key_version,
        case key_version
          when 0 then audit_event_hash(id, seq, at, actor_id, actor_username, site_id, entity, entity_id, action,
                                       changes, reason, client_address, prev_hash)
          else audit_event_hmac(id, seq, at, actor_id, actor_username, site_id, entity, entity_id, action,
                                changes, reason, client_address, prev_hash)
        end as expected,
        lag(hash, 1, ${from.hash}::text) over w as previous_hash,
        lag(seq, 1, ${from.seq}::bigint) over w as previous_seq,
        lag(key_version, 1, ${fromKeyVersion}::smallint) over w as previous_key_version
      from audit_events
      where seq > ${from.seq}
      window w as (order by seq)
    ),
    head as (select seq, hash from chain order by seq desc limit 1)
    select
      (select count(*) from chain)::int as checked,
      (select seq from head)::bigint as head_seq,
      (select hash from head) as head_hash,
      b.id, b.seq::bigint as seq,
      case
        when b.key_version < b.previous_key_version then 'it is hashed without the audit key although events before it are keyed (it was rewritten)'
        when b.hash <> b.expected and b.key_version = 0 then 'its content does not match its hash (the row was altered)'
        when b.hash <> b.expected then 'its content does not match its keyed hash (the row was altered, or AUDIT_KEY is not the key it was written with)'
        when b.seq <> b.previous_seq + 1 then 'events before it are missing (rows were removed)'
        else 'it does not point at the previous event''s hash (rows were removed or reordered)'
      end as problem
    from (select 1) one
    left join lateral (
      select * from chain
      where hash <> expected
         or seq <> previous_seq + 1
         or prev_hash <> previous_hash
         or key_version < previous_key_version
      order by seq limit 1
    ) b on true`);
  const row = resultRows<{ checked: number; head_seq: string | number | null; head_hash: string | null; id: string | null; seq: string | number | null; problem: string }>(result)[0]!;
  const checked = Number(row.checked);
  if (row.id) return { ok: false, checked, from: from.seq, brokenAt: { seq: Number(row.seq), id: row.id, problem: row.problem } };
  const head = row.head_seq === null ? (from.seq > 0 ? from : null) : { seq: Number(row.head_seq), hash: row.head_hash! };
  return { ok: true, checked, from: from.seq, head };
}

export async function readCheckpoint(db: DbOrTx): Promise<ChainHead | null> {
  const [row] = await db.select({ seq: auditCheckpoints.seq, hash: auditCheckpoints.hash }).from(auditCheckpoints).limit(1);
  return row ?? null;
}

/** Verifies what was written since the stored checkpoint and, when it holds, moves the checkpoint to the head. */
export async function verifySinceCheckpoint(db: DbOrTx): Promise<ChainResult> {
  const result = await verifyAuditChain(db, { from: await readCheckpoint(db) });
  if (result.ok && result.head && result.head.seq > result.from) await storeCheckpoint(db, result.head);
  return result;
}

/** Records `head` as verified; a concurrent check that got further wins. */
export async function storeCheckpoint(db: DbOrTx, head: ChainHead): Promise<void> {
  await db
    .insert(auditCheckpoints)
    .values({ id: "chain", seq: head.seq, hash: head.hash })
    .onConflictDoUpdate({
      target: auditCheckpoints.id,
      set: { seq: head.seq, hash: head.hash, verifiedAt: sql`now()` },
      setWhere: sql`${auditCheckpoints.seq} < ${head.seq}`,
    });
}

/** The newest event (what `npm run audit:anchor` prints), or null for an empty trail. */
export async function chainHead(db: DbOrTx): Promise<ChainHead | null> {
  const [row] = resultRows<{ seq: string | number; hash: string }>(await db.execute(sql`select seq, hash from audit_events order by seq desc limit 1`));
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** `seq:hash`, as printed by audit:anchor and read by audit:verify --anchor. */
export function formatAnchor(head: ChainHead): string {
  return `${head.seq}:${head.hash}`;
}

export function parseAnchor(text: string): ChainHead | null {
  const match = /^(\d{1,18}):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2]! } : null;
}

export type AnchorResult = { ok: true } | { ok: false; problem: string };

/** Is the anchored head still in the trail, unchanged? */
export async function checkAnchor(db: DbOrTx, anchor: ChainHead): Promise<AnchorResult> {
  const [row] = resultRows<{ hash: string }>(await db.execute(sql`select hash from audit_events where seq = ${anchor.seq}`));
  if (!row) return { ok: false, problem: `the anchored event #${anchor.seq} is gone: events up to and including it were removed` };
  if (row.hash !== anchor.hash) return { ok: false, problem: `the anchored event #${anchor.seq} has a different hash: it or an event before it was rewritten` };
  return { ok: true };
}
