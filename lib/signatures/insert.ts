/**
 * Writes one e-signature row, inside the signing write. The printed name is the signer's display
 * name and the time is the database clock (signed_at default now()), as 21 CFR 11.50 asks: name,
 * date-time and meaning shown with the record. The audit row and live event name the signed record.
 */
import type { SIGNATURE_MEANINGS } from "@/db/schema";
import type { Writer } from "../write/road";
import { canonicalJson, sha256Hex } from "./content";
import type { SignatureTarget } from "./void";

export async function insertSignature(w: Writer, target: SignatureTarget, meaning: (typeof SIGNATURE_MEANINGS)[number], content: unknown) {
  const { actor } = w;
  return w.insert(
    "signature",
    {
      siteId: target.siteId,
      entity: target.entity,
      entityId: target.id,
      signerId: actor.id,
      printedName: actor.displayName,
      meaning,
      contentHash: sha256Hex(canonicalJson(content)),
    },
    {
      audit: "sign",
      entity: target.entity,
      entityId: target.id,
      siteId: target.siteId,
      changes: (signature) => ({
        signature: [null, `${meaning} — ${String(signature.printedName)}, ${(signature.signedAt as Date).toISOString()}`],
        contentHash: [null, signature.contentHash],
      }),
      live: { type: "signed", ...liveTarget(target) },
    },
  );
}

export const liveTarget = (t: SignatureTarget) => ({ entity: t.entity, id: t.id, siteId: t.siteId, studyId: t.studyId, subjectId: t.subjectId });
