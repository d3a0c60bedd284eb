/** Raw SQL rows from either driver: postgres.js answers an array, PGlite `{ rows }`. */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";

export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const TABLES = ["sites", "users", "studies", "subjects", "screenings", "visits", "adverse_events", "subject_notes"] as const;

/** Row counts of the seeded tables (count(*) arrives as a string from postgres.js). */
export async function tableCounts(db: DbOrTx): Promise<Record<(typeof TABLES)[number], number>> {
  const [row] = await queryRows<Record<string, string | number>>(
    db,
    sql.raw(`select ${TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(", ")}`),
  );
  return Object.fromEntries(TABLES.map((t) => [t, Number(row?.[t] ?? 0)])) as Record<(typeof TABLES)[number], number>;
}
