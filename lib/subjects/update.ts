/**
 * Editing a subject's details, with a required reason for change (the audit keeps old → new).
 * The study is fixed; screening status and lifecycle status change only through screenings,
 * enrollment and withdrawal, so their own rules cannot be sidestepped here.
 */
import type { Subject } from "@/db/schema";
import type { Actor } from "../actor";
import { isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { updateSubjectSchema } from "../validation/subject";
import { parseFor, write } from "../write/road";
import { loadSubjectForWrite } from "./load-for-write";
import { FieldProblems, FIX_FIELDS, SUBJECT_ID_TAKEN, checkCoordinator, checkDates, checkSubjectIdFree } from "./rules";

export async function updateSubject(actor: Actor, input: unknown): Promise<Subject> {
  const data = parseFor(actor, "subject.update", updateSubjectSchema, input);
  try {
    return await write(actor, "subject.update", async (w) => {
      const { tx } = w;
      const { loaded, subject, timeZone } = await loadSubjectForWrite(w, data.id, { version: data.version });

      const problems = new FieldProblems();
      const consentSignedAt = checkDates(problems, data, timeZone);
      if (!consentSignedAt && (subject.screeningStatus === "passed" || subject.enrolledAt)) {
        problems.add("consentSignedAt", "This subject passed screening: the consent date cannot be removed.");
      }
      if (data.coordinatorId !== subject.coordinatorId) await checkCoordinator(tx, problems, data.coordinatorId, subject.siteId);
      if (data.subjectId !== subject.subjectId) await checkSubjectIdFree(tx, problems, subject.studyId, data.subjectId, subject.id);
      problems.throwIfAny();

      return w.update(
        loaded,
        {
          subjectId: data.subjectId,
          fullName: data.fullName,
          coordinatorId: data.coordinatorId,
          dob: data.dob,
          sexAtBirth: data.sexAtBirth,
          consentSignedAt,
        },
        { audit: "update", reason: data.reason, unchanged: "Nothing changed: edit a field before saving." },
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError(FIX_FIELDS, { subjectId: [SUBJECT_ID_TAKEN] });
    throw error;
  }
}
