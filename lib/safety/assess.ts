/**
 * The investigator's assessment of an AE: causality, expectedness, CTCAE grade and outcome, with
 * who and when (assessedBy/At, database clock). A first assessment needs no reason; changing an
 * earlier one is an edit of a clinical record and does. If a signature stands and signed content
 * changes, the signature is voided in the same transaction (the AE goes back to the queue).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { adverseEvents, type AdverseEvent } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { AE_SIGNED_FIELDS, changedSignedFields } from "../signatures/content";
import { liveSignature } from "../signatures/live";
import { voidLiveSignature } from "../signatures/void";
import { assessAdverseEventSchema } from "../validation/safety";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";

export const ASSESS_CONFLICT_MESSAGE =
  "Someone else saved this adverse event after you opened it. Review their values below, then assess again.";

export async function assessAdverseEvent(actor: Actor, input: unknown): Promise<AdverseEvent> {
  authorize(actor, "ae.read");
  const data = parseOrThrow(assessAdverseEventSchema, input);
  return transact(async (tx) => {
    const [found] = await tx
      .select({ ae: adverseEvents })
      .from(adverseEvents)
      .where(and(eq(adverseEvents.id, data.id), isNull(adverseEvents.retiredAt), scopeWhere(actor, adverseEvents)))
      .for("update", { of: adverseEvents })
      .limit(1);
    if (!found) throw new NotFoundError("Adverse event not found");
    const before = found.ae;
    authorize(actor, "ae.assess", { siteId: before.siteId, studyId: before.studyId });
    if (before.version !== data.version) throw new ConflictError(ASSESS_CONFLICT_MESSAGE, before);
    const reassessing = before.assessedAt !== null;
    if (reassessing && !data.reason) {
      throw new ValidationError("Give a reason for changing the assessment.", { reason: ["Give a reason for changing the assessment."] });
    }

    const values = {
      causality: data.causality,
      expectedness: data.expectedness,
      grade: data.grade,
      outcome: data.outcome,
      assessedById: actor.id,
      assessedAt: sql`now()` as unknown as Date,
    };
    const scope = scopeWhere(actor, adverseEvents);
    const { after } = await updateVersioned(tx, adverseEvents, before.id, data.version, values, scope);
    await recordChange(tx, actor, {
      entity: "adverse_event",
      action: "assess",
      before,
      after,
      reason: reassessing ? data.reason : null,
    });
    if (await liveSignature(tx, "adverse_event", after.id)) {
      const target = { entity: "adverse_event" as const, id: after.id, siteId: after.siteId, studyId: after.studyId, subjectId: after.subjectId };
      await voidLiveSignature(tx, actor, target, changedSignedFields(AE_SIGNED_FIELDS, before, after));
    }
    return after;
  });
}
