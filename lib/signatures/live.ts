/**
 * The live (not voided) signature of a record, read inside a write's transaction. A separate
 * query rather than an EXISTS in the select list: Drizzle leaves columns unqualified in the
 * select list of a single-table query, which would make such a subquery compare e_signatures
 * with itself.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { eSignatures } from "@/db/schema";
import type { SignatureEntity } from "./void";

export async function liveSignature(tx: Tx, entity: SignatureEntity, entityId: string) {
  const [row] = await tx
    .select()
    .from(eSignatures)
    .where(and(eq(eSignatures.entity, entity), eq(eSignatures.entityId, entityId), isNull(eSignatures.voidedAt)))
    .limit(1);
  return row ?? null;
}
