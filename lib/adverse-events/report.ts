/**
 * Reporting an adverse event: the one road for the form, the REST API and imports alike.
 * validate → load the subject through the site scope (foreign = not found) → policy → the site's
 * date rules → insert → audit + notify, in one transaction. reportedBy is always the actor.
 */
import { and, eq, isNull } from "drizzle-orm";
import { adverseEvents, sites, subjects, type AdverseEvent } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { NotFoundError, ValidationError, type FieldErrors } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { aeDateErrors, awareAtInstant, reportAdverseEventSchema } from "../validation/adverse-event";
import { recordChange, transact } from "../write";

export async function reportAdverseEvent(actor: Actor, input: unknown, now: Date = new Date()): Promise<AdverseEvent> {
  // Roles that never report (sponsors, admins) are refused before their input is even read.
  authorize(actor, "ae.report");
  const data = parseOrThrow(reportAdverseEventSchema, input);
  return transact(async (tx) => {
    const [subject] = await tx
      .select({
        id: subjects.id,
        siteId: subjects.siteId,
        studyId: subjects.studyId,
        consentSignedAt: subjects.consentSignedAt,
        timeZone: sites.timezone,
      })
      .from(subjects)
      .innerJoin(sites, eq(sites.id, subjects.siteId))
      .where(and(eq(subjects.id, data.subjectId), isNull(subjects.retiredAt), scopeWhere(actor, subjects)))
      .limit(1);
    if (!subject) throw new NotFoundError("Subject not found");
    authorize(actor, "ae.report", { siteId: subject.siteId, studyId: subject.studyId });

    const errors: FieldErrors = {};
    // Adverse events are collected from consent on; without consent there is no date to hold them to.
    if (!subject.consentSignedAt) errors.subjectId = ["This subject has no consent on record; record consent first."];
    const awareAt = data.awareAt ? awareAtInstant(data.awareAt, subject.timeZone) : now;
    if (!awareAt) errors.awareAt = ["Enter a date and time (YYYY-MM-DDTHH:mm)."];
    if (awareAt) {
      Object.assign(
        errors,
        aeDateErrors(
          { onsetDate: data.onsetDate, endDate: data.endDate ?? null, awareAt },
          { timeZone: subject.timeZone, consentSignedAt: subject.consentSignedAt, now },
        ),
      );
    }
    if (Object.keys(errors).length > 0) throw new ValidationError("Please correct the highlighted fields.", errors);

    const [row] = await tx
      .insert(adverseEvents)
      .values({
        siteId: subject.siteId,
        studyId: subject.studyId,
        subjectId: subject.id,
        eventTerm: data.eventTerm,
        severity: data.severity,
        grade: data.grade,
        serious: data.serious,
        seriousnessCriteria: data.seriousnessCriteria,
        onsetDate: data.onsetDate,
        endDate: data.endDate ?? null,
        outcome: data.outcome ?? null,
        status: data.status ?? "open",
        awareAt: awareAt!,
        reportedById: actor.id,
      })
      .returning();
    await recordChange(tx, actor, { entity: "adverse_event", action: "create", before: null, after: row! });
    return row!;
  });
}
