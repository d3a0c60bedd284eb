/**
 * Writes one e-signature row and its audit/notification, inside the signing transaction. The
 * printed name is the signer's display name and the time is the database clock (signed_at
 * default now()), as 21 CFR 11.50 asks: name, date-time and meaning shown with the record.
 */
import type { Tx } from "@/db";
import { eSignatures, type SIGNATURE_MEANINGS } from "@/db/schema";
import type { Actor } from "../actor";
import { appendAudit } from "../audit";
import { notifyChange } from "../live/notify";
import { canonicalJson, sha256Hex } from "./content";
import type { SignatureEntity } from "./void";

export async function insertSignature(
  tx: Tx,
  actor: Actor,
  target: { entity: SignatureEntity; id: string; siteId: string; studyId: string; subjectId: string },
  meaning: (typeof SIGNATURE_MEANINGS)[number],
  content: unknown,
) {
  const [signature] = await tx
    .insert(eSignatures)
    .values({
      siteId: target.siteId,
      entity: target.entity,
      entityId: target.id,
      signerId: actor.id,
      printedName: actor.displayName,
      meaning,
      contentHash: sha256Hex(canonicalJson(content)),
    })
    .returning();
  await appendAudit(tx, {
    actor,
    siteId: target.siteId,
    entity: target.entity,
    entityId: target.id,
    action: "sign",
    changes: {
      signature: [null, `${meaning} — ${signature!.printedName}, ${signature!.signedAt.toISOString()}`],
      contentHash: [null, signature!.contentHash],
    },
  });
  await notifyChange(tx, { type: "signed", entity: target.entity, id: target.id, siteId: target.siteId, studyId: target.studyId, subjectId: target.subjectId });
  return signature!;
}
