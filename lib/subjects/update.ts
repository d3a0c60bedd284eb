/**
 * Editing a subject's details, with a required reason for change (the audit keeps old → new).
 * The study is fixed; screening status and lifecycle status change only through screenings,
 * enrollment and withdrawal, so their own rules cannot be sidestepped here.
 */
import { subjects, type Subject } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { diffChanges } from "../audit";
import { isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { updateVersioned } from "../versioned";
import { updateSubjectSchema } from "../validation/subject";
import { recordChange, transact } from "../write";
import { loadSubjectForWrite } from "./load-for-write";
import { FieldProblems, FIX_FIELDS, SUBJECT_ID_TAKEN, checkCoordinator, checkDates, checkSubjectIdFree } from "./rules";

export async function updateSubject(actor: Actor, input: unknown): Promise<Subject> {
  authorize(actor, "subject.update");
  const data = parseOrThrow(updateSubjectSchema, input);
  try {
    return await transact(async (tx) => {
      const { subject, timeZone } = await loadSubjectForWrite(tx, actor, data.id);
      authorize(actor, "subject.update", { siteId: subject.siteId, studyId: subject.studyId });

      const problems = new FieldProblems();
      const consentSignedAt = checkDates(problems, data, timeZone);
      if (!consentSignedAt && (subject.screeningStatus === "passed" || subject.enrolledAt)) {
        problems.add("consentSignedAt", "This subject passed screening: the consent date cannot be removed.");
      }
      if (data.coordinatorId !== subject.coordinatorId) await checkCoordinator(tx, problems, data.coordinatorId, subject.siteId);
      if (data.subjectId !== subject.subjectId) await checkSubjectIdFree(tx, problems, subject.studyId, data.subjectId, subject.id);
      problems.throwIfAny();

      const { before, after } = await updateVersioned(
        tx,
        subjects,
        subject.id,
        data.version,
        {
          subjectId: data.subjectId,
          fullName: data.fullName,
          coordinatorId: data.coordinatorId,
          dob: data.dob,
          sexAtBirth: data.sexAtBirth,
          consentSignedAt,
        },
        scopeWhere(actor, subjects),
      );
      // Throwing rolls the version bump back: an edit that changes nothing leaves no trace.
      if (Object.keys(diffChanges(before, after)).length === 0) {
        throw new ValidationError("Nothing changed: edit a field before saving.");
      }
      await recordChange(tx, actor, { entity: "subject", action: "update", before, after, reason: data.reason });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError(FIX_FIELDS, { subjectId: [SUBJECT_ID_TAKEN] });
    throw error;
  }
}
