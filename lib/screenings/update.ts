/**
 * Correcting a recorded screening (a wrong date, the wrong person, a typo in the notes, the wrong
 * outcome) with a reason for the change, under the screening's version check. When the corrected
 * screening is the subject's latest, the subject's screeningStatus follows in the same transaction.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { screenings, sites, subjects } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { updateScreeningSchema } from "../validation/screening";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";
import { changedSignedFields, SCREENING_SIGNED_FIELDS } from "../signatures/content";
import { voidLiveSignature } from "../signatures/void";
import { outcomeErrors, SCREENING_STAGE, subjectStatusAfter } from "./rules";

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
  authorize(actor, "screening.update");
  const data = parseOrThrow(updateScreeningSchema, input);

  return transact(async (tx) => {
    const [row] = await tx
      .select({ screening: screenings, subject: subjects, timezone: sites.timezone })
      .from(screenings)
      .innerJoin(subjects, eq(subjects.id, screenings.subjectId))
      .innerJoin(sites, eq(sites.id, screenings.siteId))
      .where(and(eq(screenings.id, data.id), isNull(screenings.retiredAt), scopeWhere(actor, screenings)))
      .for("update", { of: [screenings, subjects] });
    if (!row) throw new NotFoundError("Screening not found");
    const { screening, subject, timezone } = row;
    authorize(actor, "screening.update", { siteId: screening.siteId, studyId: screening.studyId });
    if (screening.version !== data.version) {
      throw new ConflictError(
        "Someone else corrected this screening after you opened it. Their values are below; check them, then save again.",
        screeningConflictView(screening),
      );
    }

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

    const scope = scopeWhere(actor, screenings);
    const { before, after } = await updateVersioned(
      tx,
      screenings,
      screening.id,
      data.version,
      { ...outcome, notes: data.notes ?? null, failReason: data.screeningStatus === "failed" ? data.failReason! : null },
      scope,
    );
    await recordChange(tx, actor, { entity: "screening", action: "update", before, after, reason: data.reason });
    // A confirmed eligibility covers exactly what was signed: a change to it voids the signature.
    await voidLiveSignature(tx, actor, { entity: "screening", id: after.id, siteId: after.siteId, studyId: after.studyId, subjectId: after.subjectId }, changedSignedFields(SCREENING_SIGNED_FIELDS, before, after));

    // While in screening, the subject mirrors its latest screening (a corrected date can change
    // which one that is); past screening, its status is the enrolment's business, not ours.
    if (!SCREENING_STAGE.includes(subject.status)) return { screening: after, subject };
    const [latest] = await tx
      .select({ screeningStatus: screenings.screeningStatus })
      .from(screenings)
      .where(and(eq(screenings.subjectId, subject.id), isNull(screenings.retiredAt)))
      .orderBy(desc(screenings.screeningDate), desc(screenings.createdAt))
      .limit(1);
    const screeningStatus = latest!.screeningStatus;
    const status = subjectStatusAfter(subject.status, screeningStatus);
    let subjectAfter = subject;
    if (screeningStatus !== subject.screeningStatus || status !== subject.status) {
      const change = await updateVersioned(tx, subjects, subject.id, subject.version, { screeningStatus, status }, scopeWhere(actor, subjects));
      await recordChange(tx, actor, { entity: "subject", action: "screening", before: change.before, after: change.after, reason: data.reason });
      subjectAfter = change.after;
    }
    return { screening: after, subject: subjectAfter };
  });
}
