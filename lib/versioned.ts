/**
 * Optimistic concurrency for every mutable record: an update names the version it was based on;
 * if someone saved in between, nothing is written and the caller gets a ConflictError carrying
 * the newer record (so the person can see what changed before trying again).
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { ConflictError, NotFoundError } from "./errors";

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/**
 * Loads the row `FOR UPDATE` (so the diff for the audit row is exact), checks the version, and
 * writes `values` with version + 1. `scope` is the policy's site filter: a foreign row is "not found".
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  id: string,
  expectedVersion: number,
  values: Partial<T["$inferInsert"]>,
  scope?: SQL,
): Promise<{ before: T["$inferSelect"]; after: T["$inferSelect"] }> {
  const where = scope ? and(eq(table.id, id), scope) : eq(table.id, id);
  const [before] = (await tx.select().from(table as PgTable).where(where).for("update")) as T["$inferSelect"][];
  if (!before) throw new NotFoundError();
  if ((before as { version: number }).version !== expectedVersion) {
    throw new ConflictError(
      "Someone else saved this record after you opened it. Review their changes below, then try again.",
      before,
    );
  }
  const [after] = (await tx
    .update(table as PgTable)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(eq(table.id, id))
    .returning()) as T["$inferSelect"][];
  return { before, after: after! };
}
