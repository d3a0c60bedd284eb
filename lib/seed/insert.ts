/**
 * Bulk inserts for generated rows. Each chunk travels as ONE json parameter that PostgreSQL
 * unpacks with json_populate_recordset. Measured on the 10 000-subject bench (50 000 visits):
 * 4.6 s against 12.3 s for drizzle's multi-row VALUES, which binds one parameter per cell and
 * spends about half of its time building the statement in JS.
 *
 * Values go in as JSON, so this suits plain columns only — text, uuid, enums and enum arrays,
 * numbers, booleans, dates and timestamps (Dates are sent as ISO strings).
 */
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { adverseEvents, screenings, subjectNotes, subjects, visits } from "@/db/schema";
import type { ClinicalRows } from "./rows";

const ROWS_PER_STATEMENT = 5_000;

export async function bulkInsert<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
    (k) => columns[k] && rows.some((r) => (r as Record<string, unknown>)[k] !== undefined),
  );
  for (const key of keys) {
    const column = columns[key] as PgColumn;
    // A key missing from some rows becomes NULL there (not the column default): refuse that.
    if (column.notNull && rows.some((r) => (r as Record<string, unknown>)[key] === undefined)) {
      throw new Error(`bulkInsert: every row must set ${getTableName(table)}.${key} or none may`);
    }
  }
  const names = keys.map((k) => (columns[k] as PgColumn).name);
  const list = sql.raw(names.map((n) => `"${n}"`).join(", "));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((k, j) => {
        const value = (row as Record<string, unknown>)[k];
        record[names[j] as string] = value instanceof Date ? value.toISOString() : (value ?? null);
      });
      return record;
    });
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::json)`,
    );
  }
}

export type InsertTimings = Partial<Record<keyof ClinicalRows, number>>;

/** Parents before children (the composite foreign keys need the subject first). */
export async function insertClinicalRows(db: DbOrTx, rows: ClinicalRows): Promise<InsertTimings> {
  const timings: InsertTimings = {};
  const timed = async (key: keyof ClinicalRows, run: () => Promise<void>) => {
    const started = performance.now();
    await run();
    timings[key] = Math.round(performance.now() - started);
  };
  await timed("subjects", async () => {
    await bulkInsert(db, subjects, rows.subjects);
    // Fresh statistics invalidate cached plans, including the foreign-key checks of the child
    // tables: a connection that last checked against a small subjects table (right after the demo
    // seed) would otherwise keep a sequential-scan plan, and the bench's visits took 4x longer.
    await db.execute(sql`analyze ${subjects}`);
  });
  await timed("screenings", () => bulkInsert(db, screenings, rows.screenings));
  await timed("visits", () => bulkInsert(db, visits, rows.visits));
  await timed("adverseEvents", () => bulkInsert(db, adverseEvents, rows.adverseEvents));
  await timed("notes", () => bulkInsert(db, subjectNotes, rows.notes));
  // Planner statistics for what was just loaded: without them PostgreSQL plans the first pages
  // for the tiny tables it last saw (a nested loop over 5,000 visits took 46 s instead of 22 ms).
  await db.execute(sql`analyze ${screenings}, ${visits}, ${adverseEvents}, ${subjectNotes}, ${subjects}`);
  return timings;
}
