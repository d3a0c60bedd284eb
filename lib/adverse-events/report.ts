/**
 * Reporting an adverse event: the one road for the form, the REST API and imports alike.
 * validate → load the subject through the site scope (foreign = not found) → policy → the site's
 * date rules → insert → audit + notify, in one transaction. reportedBy is always the actor.
 */
import "server-only";
import { subjects, type AdverseEvent } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError, type FieldErrors } from "../errors";
import { aeDateErrors, awareAtInstant, reportAdverseEventSchema } from "../validation/adverse-event";
import { siteTimeZoneOf } from "../write/extra";
import { parseFor, write } from "../write/road";

export async function reportAdverseEvent(actor: Actor, input: unknown, now: Date = new Date()): Promise<AdverseEvent> {
  // Roles that never report (sponsors, admins) are refused before their input is even read.
  const data = parseFor(actor, "ae.report", reportAdverseEventSchema, input);
  return write(actor, "ae.report", async (w) => {
    const { row, extra } = await w.load("subject", data.subjectId, {
      lock: "share",
      notFound: "Subject not found",
      extra: { timeZone: siteTimeZoneOf(subjects.siteId) },
    });
    const subject = { ...row, timeZone: extra.timeZone };

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

    return w.insert("adverse_event", {
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
    });
  });
}
