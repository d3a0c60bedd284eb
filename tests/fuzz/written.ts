/**
 * "Nothing was written": a fingerprint of every table the app writes (each audited table, the
 * audit trail, the inbox, the outbox, preferences, feeds, rule firings), taken in one statement
 * before and after a refused request. A token's last-use stamp and rate-limit counters are
 * bookkeeping, not data, and are left out; so are the audit rows a refusal is meant to leave
 * (a failed sign-in, a wrong signing password).
 */
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { calendarFeeds, emailOutbox, notificationPreferences, notifications, ruleFirings } from "@/db/schema";
import { resultRows } from "@/lib/rate-limit";
import { ENTITIES } from "@/lib/write/entities";

const BOOKKEEPING = /^(last_used_at|last_used_address)$/;
/** Audit rows that record a refusal on purpose (21 CFR 11: failed sign-ins and signings are evidence). */
export const REFUSAL_EVENTS = /^(login\.|sign\.failed$|signup\.)/;

const TABLES: PgTable[] = [...new Set([...Object.values(ENTITIES).map((e) => e.table as PgTable), notifications, emailOutbox, notificationPreferences, calendarFeeds, ruleFirings])];

function fingerprintSql() {
  const parts = TABLES.map((table) => {
    const name = getTableName(table);
    const columns = Object.values(getTableColumns(table))
      .map((c) => c.name)
      .filter((c) => !BOOKKEEPING.test(c))
      .map((c) => `"${c}"`)
      .join(", ");
    return `(select count(*) || ':' || coalesce(md5(string_agg(row(${columns})::text, '|' order by row(${columns})::text)), '') from "${name}") as "${name}"`;
  });
  return `select ${parts.join(", ")}, (select coalesce(max(seq), 0) from audit_events) as audit_head`;
}

export type Snapshot = { tables: Record<string, string>; auditHead: number };

let statement: string | undefined;

export async function snapshot(): Promise<Snapshot> {
  const db = await getDb();
  const [row] = resultRows<Record<string, string | number>>(await db.execute(sql.raw((statement ??= fingerprintSql()))));
  const { audit_head, ...tables } = row!;
  return { tables: tables as Record<string, string>, auditHead: Number(audit_head) };
}

/** What changed from `before` to `after`: the tables whose rows differ, and audit rows other than refusals. */
export async function changesBetween(before: Snapshot, after: Snapshot): Promise<string[]> {
  const changed = Object.keys(after.tables).filter((t) => after.tables[t] !== before.tables[t]);
  if (after.auditHead !== before.auditHead) {
    const db = await getDb();
    const rows = resultRows<{ action: string; entity: string }>(
      await db.execute(sql`select entity, action from audit_events where seq > ${before.auditHead} order by seq`),
    );
    for (const r of rows) if (!REFUSAL_EVENTS.test(r.action)) changed.push(`audit_events: ${r.entity}.${r.action}`);
  }
  return changed;
}

/**
 * The state before the next case: one fingerprint per case, since the state after one case is the
 * state before the next (cases run one at a time).
 */
export class Ledger {
  private last: Snapshot | undefined;

  /** After the test itself wrote something (a fresh token): the next case starts from a new fingerprint. */
  forget(): void {
    this.last = undefined;
  }

  async before(): Promise<Snapshot> {
    return (this.last ??= await snapshot());
  }

  /** After a case: what it changed (to be empty when it was refused). */
  async after(before: Snapshot): Promise<string[]> {
    this.last = await snapshot();
    return changesBetween(before, this.last);
  }
}

/**
 * The generators' seed: `FUZZ_SEED`, else a fixed one, so `npm test` (and CI) runs the same cases
 * every time and a failure there can be replayed; `FUZZ_SEED=random` draws new cases (fast-check
 * prints the seed and the counterexample of a failure, to replay with FUZZ_SEED=<seed>).
 */
export function fuzzSeed(): number | undefined {
  const configured = process.env.FUZZ_SEED;
  if (configured === "random") return undefined;
  const seed = Number(configured);
  return configured && Number.isInteger(seed) ? seed : 20261207;
}

/** How many generated cases each property runs: `FUZZ_RUNS` (default `fallback`). */
export function fuzzRuns(fallback: number): number {
  const configured = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

/** A stack trace, an SQL statement or a file path in an answer: what a 5xx-by-another-name leaks. */
export const LEAK = /\n\s+at \S+ \(|node_modules|\.tsx?:\d+|\b(?:syntax error at or near|violates (?:check|foreign key|not-null|unique) constraint|invalid input syntax for type)\b/i;
