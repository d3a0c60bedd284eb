/**
 * Checks the audit chain (drizzle/0007): the seals in chain order, each linking its event's own
 * hash to the seal before it, recomputed in the database with the functions the trigger and the
 * sealer used — plain SHA-256 for events written before the key, HMAC-SHA256 under AUDIT_KEY after
 * (0005), and since the sealer an event hash plus a link hash (0007). Finds the first broken link:
 * an altered event, a removed event or seal, seals reordered. Also counts the events not sealed yet
 * (./sealer.ts seals them within a second or two while the app runs); one unsealed for over a
 * minute is reported — a transaction held open that long, or no sealer running.
 *
 * - `verifyAuditChain(db)` checks every seal (`npm run audit:verify -- --full`);
 * - `verifyAuditChain(db, { from })` checks the seals after a head already verified, starting with
 *   that head still being there unchanged;
 * - `verifySinceCheckpoint(db)` seals what it can, then does that from the stored checkpoint
 *   (`audit_checkpoints`) and moves it forward: the audit page and `npm run audit:verify` pay for
 *   what was written since the last check, not for the whole trail on every load;
 * - `checkAnchor(db, anchor)` compares a head printed earlier by `npm run audit:anchor` and kept
 *   elsewhere: if it is gone or changed, the newest events were removed or rewritten — which a
 *   chain alone cannot show, as the remaining seals still link up.
 *
 * What the checkpoint does not catch: a seal or event before it altered since it was stored.
 * `--full` and `--anchor` re-read everything.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditCheckpoints } from "@/db/schema";
import { resultRows } from "../rate-limit";
import { sealAudit } from "./sealer";

/** A place in the chain: a seal's number (`audit_seals.chain_seq`) and hash. */
export type ChainHead = { seq: number; hash: string };

/** Events written but not sealed yet; `stale` of them for over a minute. */
export type Unsealed = { count: number; stale: number; oldestSeq: number | null };

export type ChainResult =
  | { ok: true; checked: number; from: number; head: ChainHead | null; unsealed: Unsealed }
  | { ok: false; checked: number; from: number; brokenAt: { seq: number; event: number | null; id: string; problem: string } };

const GENESIS: ChainHead = { seq: 0, hash: "0".repeat(64) };

/** An event unsealed for longer than this is reported. */
export const SEAL_STALE_SECONDS = 60;

export async function verifyAuditChain(db: DbOrTx, opts: { from?: ChainHead | null } = {}): Promise<ChainResult> {
  const from = opts.from ?? GENESIS;
  const full = from.seq === 0;
  // The head we start from: still there with the hash we verified? (Its event's key version is
  // where the next one's may not fall below.)
  let fromKeyVersion = 0;
  if (!full) {
    const [row] = resultRows<{ id: string | null; hash: string; key_version: number | null }>(
      await db.execute(sql`select e.id, s.hash, e.key_version from audit_seals s left join audit_events e on e.id = s.event_id where s.chain_seq = ${from.seq}`),
    );
    if (!row || row.hash !== from.hash || !row.id) {
      return {
        ok: false,
        checked: 0,
        from: from.seq,
        brokenAt: {
          seq: from.seq,
          event: null,
          id: row?.id ?? "",
          problem: !row
            ? "it was verified before and is gone (rows were removed)"
            : row.id
              ? "it changed after it was verified (the row was altered)"
              : "the event it seals is gone (rows were removed)",
        },
      };
    }
    fromKeyVersion = Number(row.key_version);
  }
  const result = await db.execute(sql`
    with chain as (
      select s.chain_seq, s.hash, s.prev_hash, e.id, e.seq, e.key_version,
        case
          when e.id is null then null
          when e.key_version = 0 then audit_event_hash(e.id, e.seq, e.at, e.actor_id, e.actor_username, e.site_id, e.entity,
                                                       e.entity_id, e.action, e.changes, e.reason, e.client_address, s.prev_hash)
          when e.key_version = 1 then audit_event_hmac(e.id, e.seq, e.at, e.actor_id, e.actor_username, e.site_id, e.entity,
                                                       e.entity_id, e.action, e.changes, e.reason, e.client_address, s.prev_hash)
          else audit_link_hmac(s.chain_seq, s.prev_hash, audit_row_hmac(e.id, e.seq, e.at, e.actor_id, e.actor_username,
                                 e.site_id, e.entity, e.entity_id, e.action, e.changes, e.reason, e.client_address))
        end as expected,
        lag(s.hash, 1, ${from.hash}::text) over w as previous_hash,
        lag(s.chain_seq, 1, ${from.seq}::bigint) over w as previous_seq,
        lag(e.key_version, 1, ${fromKeyVersion}::smallint) over w as previous_key_version
      from audit_seals s left join audit_events e on e.id = s.event_id
      where s.chain_seq > ${from.seq}
      window w as (order by s.chain_seq)
    ),
    head as (select chain_seq, hash from chain order by chain_seq desc limit 1)
    select
      (select count(*) from chain)::int as checked,
      (select chain_seq from head)::bigint as head_seq,
      (select hash from head) as head_hash,
      b.id, b.chain_seq::bigint as seq, b.seq::bigint as event,
      case
        when b.id is null then 'the event it seals is gone (rows were removed)'
        when b.key_version < b.previous_key_version then 'it is hashed without the audit key although events before it are keyed (it was rewritten)'
        when b.hash <> b.expected and b.key_version = 0 then 'its content does not match its hash (the row was altered)'
        when b.hash <> b.expected then 'its content does not match its keyed hash (the row was altered, or AUDIT_KEY is not the key it was written with)'
        when b.chain_seq <> b.previous_seq + 1 then 'events before it are missing (rows were removed)'
        else 'it does not point at the previous event''s hash (rows were removed or reordered)'
      end as problem
    from (select 1) one
    left join lateral (
      select * from chain
      where id is null
         or hash <> expected
         or chain_seq <> previous_seq + 1
         or prev_hash <> previous_hash
         or key_version < previous_key_version
      order by chain_seq limit 1
    ) b on true`);
  type Row = { checked: number; head_seq: string | number | null; head_hash: string | null; id: string | null; seq: string | number | null; event: string | number | null; problem: string };
  const row = resultRows<Row>(result)[0]!;
  const checked = Number(row.checked);
  if (row.seq !== null) {
    return { ok: false, checked, from: from.seq, brokenAt: { seq: Number(row.seq), event: row.event === null ? null : Number(row.event), id: row.id ?? "", problem: row.problem } };
  }
  const head = row.head_seq === null ? (from.seq > 0 ? from : null) : { seq: Number(row.head_seq), hash: row.head_hash! };
  return { ok: true, checked, from: from.seq, head, unsealed: await unsealedEvents(db, full) };
}

/**
 * Events without a seal. Incrementally only those of transactions at or above the last sealing
 * pass's horizon (./sealer.ts: everything below it is sealed), by the index on `tx`; `full` looks
 * at every event, so one slipped in with the trigger switched off (no `tx`, no seal) is found too.
 */
async function unsealedEvents(db: DbOrTx, full: boolean): Promise<Unsealed> {
  const scope = full ? sql`true` : sql`e.tx >= coalesce((select horizon from audit_seals order by chain_seq desc limit 1), 0)`;
  const [row] = resultRows<{ count: number; stale: number; oldest: string | number | null }>(
    await db.execute(sql`
      select count(*)::int as count,
        count(*) filter (where e.at < now() - make_interval(secs => ${SEAL_STALE_SECONDS}))::int as stale,
        min(e.seq) as oldest
      from audit_events e
      where ${scope} and not exists (select from audit_seals s where s.event_id = e.id)`),
  );
  return { count: Number(row?.count ?? 0), stale: Number(row?.stale ?? 0), oldestSeq: row?.oldest == null ? null : Number(row.oldest) };
}

export async function readCheckpoint(db: DbOrTx): Promise<ChainHead | null> {
  const [row] = await db.select({ seq: auditCheckpoints.seq, hash: auditCheckpoints.hash }).from(auditCheckpoints).limit(1);
  return row ?? null;
}

/**
 * Seals what can be sealed now, verifies what was sealed since the stored checkpoint and, when it
 * holds, moves the checkpoint to the head.
 */
export async function verifySinceCheckpoint(db: DbOrTx): Promise<ChainResult> {
  await sealAudit(db);
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

/** The newest seal (what `npm run audit:anchor` prints), or null for an empty chain. */
export async function chainHead(db: DbOrTx): Promise<ChainHead | null> {
  const [row] = resultRows<{ seq: string | number; hash: string }>(await db.execute(sql`select chain_seq as seq, hash from audit_seals order by chain_seq desc limit 1`));
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** "seal #7 (event #9, id …)": where a check found the chain broken, for people. */
export function describeBreak(at: { seq: number; event: number | null; id: string }): string {
  const event = at.event === null ? "" : at.seq === at.event ? "" : ` (event #${at.event})`;
  return `#${at.seq}${event}${at.id ? ` (id ${at.id})` : ""}`;
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
  const [row] = resultRows<{ hash: string }>(await db.execute(sql`select hash from audit_seals where chain_seq = ${anchor.seq}`));
  if (!row) return { ok: false, problem: `the anchored seal #${anchor.seq} is gone: events up to and including it were removed` };
  if (row.hash !== anchor.hash) return { ok: false, problem: `the anchored seal #${anchor.seq} has a different hash: it or an event before it was rewritten` };
  return { ok: true };
}
