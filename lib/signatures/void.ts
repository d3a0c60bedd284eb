/**
 * Voiding a live e-signature when its signed content changes (docs/product.md,
 * "Safety review and e-signatures": a change to signed content voids the signature visibly and
 * requeues the AE). Called
 * by the write that changes the content, inside ITS transaction, so the change and the void are
 * one event: never a changed record still showing a valid signature.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { eSignatures, type SIGNATURE_ENTITIES } from "@/db/schema";
import type { Actor } from "../actor";
import { appendAudit } from "../audit";
import { notifyChange } from "../live/notify";

export type SignatureEntity = (typeof SIGNATURE_ENTITIES)[number];

export type VoidTarget = { entity: SignatureEntity; id: string; siteId: string; studyId: string; subjectId: string };

/** "Signed content changed: severity, grade" — the void reason the record's page shows. */
export function voidReasonFor(fields: readonly string[]): string {
  return `Signed content changed: ${fields.join(", ")}`;
}

/**
 * Voids the record's live signature, if any, and audits it on the record (so the record's history
 * shows who voided it, when and why). Returns the voided signature, or null when none stood.
 */
export async function voidLiveSignature(tx: Tx, actor: Actor, target: VoidTarget, changedFields: readonly string[]) {
  if (changedFields.length === 0) return null;
  const reason = voidReasonFor(changedFields);
  const [voided] = await tx
    .update(eSignatures)
    .set({ voidedAt: sql`now()`, voidedById: actor.id, voidReason: reason })
    .where(and(eq(eSignatures.entity, target.entity), eq(eSignatures.entityId, target.id), isNull(eSignatures.voidedAt)))
    .returning();
  if (!voided) return null;
  await appendAudit(tx, {
    actor,
    siteId: target.siteId,
    entity: target.entity,
    entityId: target.id,
    action: "signature.void",
    changes: {
      signature: [`${voided.meaning} — ${voided.printedName}, ${voided.signedAt.toISOString()}`, null],
    },
    reason,
  });
  await notifyChange(tx, { type: "updated", entity: target.entity, id: target.id, siteId: target.siteId, studyId: target.studyId, subjectId: target.subjectId });
  return voided;
}
