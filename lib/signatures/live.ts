/**
 * Whether a record carries a live (not voided) e-signature: one condition for every reader — the
 * policy's "signed" flag of an AE edit, the safety queue, the eligibility list and the signing and
 * assessing writes.
 *
 * The columns are written out qualified by hand ("e_signatures"."entity_id" = "adverse_events"."id")
 * rather than as Drizzle columns: Drizzle leaves columns unqualified in the select list of a
 * single-table query, which would turn the record's "id" inside the subquery into e_signatures' own
 * and make the EXISTS compare e_signatures with itself.
 */
import { and, getTableName, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { eSignatures } from "@/db/schema";
import type { SignatureEntity } from "./void";

/** "table"."column", whatever the query around it. */
function qualified(column: AnyPgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** The live signatures of the record whose id is `recordId` (a column of the outer query, or a value). */
function liveSignatureOf(entity: SignatureEntity, recordId: AnyPgColumn | string): SQL {
  const id = typeof recordId === "string" ? sql`${recordId}` : qualified(recordId);
  return and(
    sql`${qualified(eSignatures.entity)} = ${entity}`,
    sql`${qualified(eSignatures.entityId)} = ${id}`,
    isNull(qualified(eSignatures.voidedAt)),
  )!;
}

/** SQL true when the record in `recordId`'s row has a live signature: safe in a select list or a WHERE clause. */
export function hasLiveSignature(entity: SignatureEntity, recordId: AnyPgColumn): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${eSignatures} where ${liveSignatureOf(entity, recordId)})`;
}

/**
 * The record's live signature, read inside a write's transaction as a statement of its own, after
 * the record's row lock: a signature committed while the write waited for that lock is seen.
 */
export async function liveSignature(tx: Tx, entity: SignatureEntity, entityId: string) {
  const [row] = await tx.select().from(eSignatures).where(liveSignatureOf(entity, entityId)).limit(1);
  return row ?? null;
}
