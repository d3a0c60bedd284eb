/**
 * Registering a subject in a study at the actor's site (the new-subject form, later the API and
 * the CSV import): validate → load the study through the site scope → authorise → check the
 * rules → insert → audit + notify, in one transaction.
 */
import "server-only";
import { studies, type Subject } from "@/db/schema";
import type { Actor } from "../actor";
import { isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { createSubjectSchema } from "../validation/subject";
import { siteTimeZoneOf } from "../write/extra";
import { parseFor, write } from "../write/road";
import { FieldProblems, FIX_FIELDS, SUBJECT_ID_TAKEN, checkCoordinator, checkDates, checkSubjectIdFree, studyIsOpen } from "./rules";

export async function createSubject(actor: Actor, input: unknown): Promise<Subject> {
  const data = parseFor(actor, "subject.create", createSubjectSchema, input);
  try {
    return await write(actor, "subject.create", async (w) => {
      const { tx } = w;
      // The study through the site scope, asked "may this actor register a subject in it?"; shared
      // lock: its status cannot change under the registration.
      const { row: found, extra } = await w.load("study", data.studyId, {
        lock: "share",
        notFound: "Study not found.",
        extra: { timeZone: siteTimeZoneOf(studies.siteId) },
      });
      const study = { ...found, timeZone: extra.timeZone };

      const problems = new FieldProblems();
      if (!studyIsOpen(study.status)) problems.add("studyId", "This study no longer takes new subjects.");
      const consentSignedAt = checkDates(problems, data, study.timeZone);
      if (data.screeningStatus === "passed" && !consentSignedAt) {
        problems.add("screeningStatus", "A subject without signed consent cannot pass screening.");
      }
      await checkCoordinator(tx, problems, data.coordinatorId, study.siteId);
      await checkSubjectIdFree(tx, problems, study.id, data.subjectId);
      problems.throwIfAny();

      return w.insert("subject", {
          siteId: study.siteId,
          studyId: study.id,
          subjectId: data.subjectId,
          fullName: data.fullName,
          coordinatorId: data.coordinatorId,
          dob: data.dob,
          sexAtBirth: data.sexAtBirth,
          consentSignedAt,
          screeningStatus: data.screeningStatus,
          // A subject registered as already failed is a screen failure from the start.
          status: data.screeningStatus === "failed" ? "screen_failed" : "screening",
      });
    });
  } catch (error) {
    // Two people registering the same Subject ID at once: the database's unique key decides.
    if (isUniqueViolation(error)) throw new ValidationError(FIX_FIELDS, { subjectId: [SUBJECT_ID_TAKEN] });
    throw error;
  }
}
