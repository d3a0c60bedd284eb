/**
 * Bulk inserts: many rows per statement, because one statement per row would make the 10 000
 * subject bench take minutes instead of seconds.
 */
import { getTableColumns } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { adverseEvents, screenings, subjectNotes, subjects, visits } from "@/db/schema";
import type { ClinicalRows } from "./rows";

// PostgreSQL allows at most 65 535 bind parameters per statement.
const MAX_PARAMETERS = 60_000;
const MAX_ROWS = 1_000;

export async function insertChunked<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<void> {
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size));
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
  await timed("subjects", () => insertChunked(db, subjects, rows.subjects));
  await timed("screenings", () => insertChunked(db, screenings, rows.screenings));
  await timed("visits", () => insertChunked(db, visits, rows.visits));
  await timed("adverseEvents", () => insertChunked(db, adverseEvents, rows.adverseEvents));
  await timed("notes", () => insertChunked(db, subjectNotes, rows.notes));
  return timings;
}
