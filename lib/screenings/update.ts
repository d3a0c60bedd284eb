/**
 * Correcting a recorded screening (a wrong date, the wrong person, a typo in the notes, the wrong
 * outcome) with a reason for the change, under the screening's version check. When the corrected
 * screening is the subject's latest, the subject's screeningStatus follows in the same transaction.
 */
import "server-only";
import type { screenings } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { loadSubjectForWrite } from "../subjects/load-for-write";
import { updateScreeningSchema } from "../validation/screening";
import { parseFor, write } from "../write/road";
import { changedSignedFields, SCREENING_SIGNED_FIELDS } from "../signatures/content";
import { voidLiveSignature } from "../signatures/void";
import { followLatestScreening } from "./follow-latest";
import { outcomeErrors, SCREENING_STAGE } from "./rules";

export function screeningConflictView(s: typeof screenings.$inferSelect) {
  return {
    screeningStatus: s.screeningStatus,
    screeningDate: s.screeningDate,
    completedById: s.completedById,
    notes: s.notes,
    failReason: s.failReason,
    version: s.version,
  };
}

export async function updateScreening(actor: Actor, input: unknown) {
  const data = parseFor(actor, "screening.update", updateScreeningSchema, input);

  return write(actor, "screening.update", async (w) => {
    const { tx } = w;
    const loaded = await w.load("screening", data.id, { notFound: "Screening not found" });
    const screening = loaded.row;
    w.assertVersion(
      loaded,
      data.version,
      "Someone else corrected this screening after you opened it. Their values are below; check them, then save again.",
      screeningConflictView(screening),
    );
    // The subject is locked too: its screening status may follow the correction.
    const { loaded: subjectLoaded, subject, timeZone: timezone } = await loadSubjectForWrite(w, screening.subjectId);

    const outcome = {
      screeningStatus: data.screeningStatus,
      screeningDate: data.screeningDate,
      completedById: data.completedById ?? screening.completedById,
    };
    const errors = await outcomeErrors(tx, { siteId: subject.siteId, timezone, consentSignedAt: subject.consentSignedAt }, outcome, actor.id);
    // Once a subject is past screening, its eligibility outcome is history; only details may change.
    if (outcome.screeningStatus !== screening.screeningStatus && !SCREENING_STAGE.includes(subject.status)) {
      (errors.screeningStatus ??= []).push(`The subject is ${subject.status.replace(/_/g, " ")}; the outcome can no longer change.`);
    }
    if (Object.keys(errors).length > 0) throw new ValidationError("Please correct the highlighted fields.", errors);

    const before = screening;
    const after = await w.update(
      loaded,
      { ...outcome, notes: data.notes ?? null, failReason: data.screeningStatus === "failed" ? data.failReason! : null },
      { audit: "update", reason: data.reason },
    );
    // A confirmed eligibility covers exactly what was signed: a change to it voids the signature.
    await voidLiveSignature(w, { entity: "screening", id: after.id, siteId: after.siteId, studyId: after.studyId, subjectId: after.subjectId }, changedSignedFields(SCREENING_SIGNED_FIELDS, before, after));

    const subjectAfter = await followLatestScreening(w, subjectLoaded, data.reason);
    return { screening: after, subject: subjectAfter };
  });
}
