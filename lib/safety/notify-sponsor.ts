/**
 * "Sponsor notified": records when the site told the sponsor of a serious AE (the database clock),
 * which stops its 24-hour clock. Coordinators and investigators may (policy "ae.notifySponsor").
 * Recorded once: a second press is a conflict-free refusal, not a new time.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { adverseEvents, type AdverseEvent } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { notifySponsorSchema } from "../validation/safety";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";

export async function markSponsorNotified(actor: Actor, input: unknown): Promise<AdverseEvent> {
  authorize(actor, "ae.read");
  const data = parseOrThrow(notifySponsorSchema, input);
  return transact(async (tx) => {
    const scope = scopeWhere(actor, adverseEvents);
    const [before] = await tx
      .select()
      .from(adverseEvents)
      .where(and(eq(adverseEvents.id, data.id), isNull(adverseEvents.retiredAt), scope))
      .for("update")
      .limit(1);
    if (!before) throw new NotFoundError("Adverse event not found");
    authorize(actor, "ae.notifySponsor", { siteId: before.siteId, studyId: before.studyId });
    if (!before.serious) throw new ValidationError("Only a serious adverse event has a sponsor notification clock.");
    if (before.sponsorNotifiedAt) throw new ValidationError("The sponsor notification is already recorded.");
    if (before.version !== data.version) {
      throw new ConflictError("Someone else saved this adverse event after you opened it. Review it, then try again.", before);
    }
    const { after } = await updateVersioned(tx, adverseEvents, before.id, data.version, { sponsorNotifiedAt: sql`now()` as unknown as Date }, scope);
    await recordChange(tx, actor, { entity: "adverse_event", action: "notify_sponsor", before, after });
    return after;
  });
}
