/**
 * Recomputes every audit row's hash in the database (the same function the insert trigger used)
 * and checks that each row points at its predecessor with no gap. Finds the first broken link.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { resultRows } from "../rate-limit";

export type ChainResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { seq: number; id: string; problem: string } };

export async function verifyAuditChain(db: DbOrTx): Promise<ChainResult> {
  const result = await db.execute(sql`
    with chain as (
      select id, seq, hash, prev_hash,
        audit_event_hash(id, seq, at, actor_id, actor_username, site_id, entity, entity_id, action,
                         changes, reason, client_address, prev_hash) as expected,
        lag(hash) over (order by seq) as previous_hash,
        lag(seq) over (order by seq) as previous_seq
      from audit_events
    )
    select
      (select count(*) from audit_events)::int as checked,
      b.id, b.seq::int as seq,
      case
        when b.hash <> b.expected then 'its content does not match its hash (the row was altered)'
        when b.seq <> coalesce(b.previous_seq, 0) + 1 then 'events before it are missing (rows were removed)'
        else 'it does not point at the previous event''s hash (rows were removed or reordered)'
      end as problem
    from (select 1) one
    left join lateral (
      select * from chain
      where hash <> expected
         or seq <> coalesce(previous_seq, 0) + 1
         or prev_hash <> coalesce(previous_hash, repeat('0', 64))
      order by seq limit 1
    ) b on true`);
  const row = resultRows<{ checked: number; id: string | null; seq: number | null; problem: string }>(result)[0]!;
  const checked = Number(row.checked);
  if (!row.id) return { ok: true, checked };
  return { ok: false, checked, brokenAt: { seq: Number(row.seq), id: row.id, problem: row.problem } };
}
