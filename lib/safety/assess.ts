/**
 * The investigator's assessment of an AE: causality, expectedness, CTCAE grade and outcome, with
 * who and when (assessedBy/At, database clock). A first assessment needs no reason; changing an
 * earlier one is an edit of a clinical record and does. If a signature stands and signed content
 * changes, the signature is voided in the same transaction (the AE goes back to the queue).
 */
import type { AdverseEvent } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { AE_SIGNED_FIELDS, changedSignedFields } from "../signatures/content";
import { voidLiveSignature } from "../signatures/void";
import { assessAdverseEventSchema } from "../validation/safety";
import { DB_NOW } from "../write/entities";
import { parseFor, write } from "../write/road";

export const ASSESS_CONFLICT_MESSAGE =
  "Someone else saved this adverse event after you opened it. Review their values below, then assess again.";

export async function assessAdverseEvent(actor: Actor, input: unknown): Promise<AdverseEvent> {
  const data = parseFor(actor, "ae.assess", assessAdverseEventSchema, input);
  return write(actor, "ae.assess", async (w) => {
    const loaded = await w.load("adverse_event", data.id, { version: data.version, conflict: ASSESS_CONFLICT_MESSAGE, notFound: "Adverse event not found" });
    const before = loaded.row;
    const reassessing = before.assessedAt !== null;
    if (reassessing && !data.reason) {
      throw new ValidationError("Give a reason for changing the assessment.", { reason: ["Give a reason for changing the assessment."] });
    }
    const after = await w.update(
      loaded,
      {
        causality: data.causality,
        expectedness: data.expectedness,
        grade: data.grade,
        outcome: data.outcome,
        assessedById: w.actor.id,
        assessedAt: DB_NOW,
      },
      { audit: "assess", reason: reassessing ? data.reason : null },
    );
    const target = { entity: "adverse_event" as const, id: after.id, siteId: after.siteId, studyId: after.studyId, subjectId: after.subjectId };
    await voidLiveSignature(w, target, changedSignedFields(AE_SIGNED_FIELDS, before, after));
    return after;
  });
}
