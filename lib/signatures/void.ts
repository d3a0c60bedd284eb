/**
 * Voiding a live e-signature when its signed content changes (docs/product.md, "Safety review and
 * e-signatures": a later change to the signed content voids the signature visibly and puts the
 * record back in the review queue). Called by the write that changes the content, inside ITS
 * transaction, so the change and the void are one event: never a changed record still showing a
 * valid signature.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { eSignatures, type SIGNATURE_ENTITIES } from "@/db/schema";
import { DB_NOW } from "../write/entities";
import type { Writer } from "../write/road";
import { liveTarget } from "./insert";

export type SignatureEntity = (typeof SIGNATURE_ENTITIES)[number];

export type SignatureTarget = { entity: SignatureEntity; id: string; siteId: string; studyId: string; subjectId: string };

/** "Signed content changed: severity, grade" — the void reason the record's page shows. */
export function voidReasonFor(fields: readonly string[]): string {
  return `Signed content changed: ${fields.join(", ")}`;
}

/**
 * Voids the record's live signature, if any, and audits it on the record (so the record's history
 * shows who voided it, when and why). Returns the voided signature, or null when none stood.
 */
export async function voidLiveSignature(w: Writer, target: SignatureTarget, changedFields: readonly string[]) {
  if (changedFields.length === 0) return null;
  const reason = voidReasonFor(changedFields);
  const [live] = await w.loadWhere(
    "signature",
    and(eq(eSignatures.entity, target.entity), eq(eSignatures.entityId, target.id), isNull(eSignatures.voidedAt))!,
  );
  if (!live) return null;
  const signed = live.row;
  return w.update(
    live,
    { voidedAt: DB_NOW, voidedById: w.actor.id, voidReason: reason },
    {
      audit: "signature.void",
      entity: target.entity,
      entityId: target.id,
      siteId: target.siteId,
      changes: { signature: [`${signed.meaning} — ${signed.printedName}, ${signed.signedAt.toISOString()}`, null] },
      reason,
      live: liveTarget(target),
    },
  );
}
