/**
 * Registering a subject in a study at the actor's site (the new-subject form, later the API and
 * the CSV import): validate → load the study through the site scope → authorise → check the
 * rules → insert → audit + notify, in one transaction.
 */
import { and, eq } from "drizzle-orm";
import { sites, studies, subjects, type Subject } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { isUniqueViolation } from "../db-errors";
import { NotFoundError, ValidationError } from "../errors";
import { authorize, scopeStudies } from "../policy";
import { createSubjectSchema } from "../validation/subject";
import { recordChange, transact } from "../write";
import { FieldProblems, FIX_FIELDS, SUBJECT_ID_TAKEN, checkCoordinator, checkDates, checkSubjectIdFree, studyIsOpen } from "./rules";

export async function createSubject(actor: Actor, input: unknown): Promise<Subject> {
  authorize(actor, "subject.create");
  const data = parseOrThrow(createSubjectSchema, input);
  try {
    return await transact(async (tx) => {
      const [study] = await tx
        .select({ id: studies.id, siteId: studies.siteId, status: studies.status, timeZone: sites.timezone })
        .from(studies)
        .innerJoin(sites, eq(sites.id, studies.siteId))
        .where(and(eq(studies.id, data.studyId), scopeStudies(actor)));
      if (!study) throw new NotFoundError("Study not found.");
      authorize(actor, "subject.create", { siteId: study.siteId, studyId: study.id });

      const problems = new FieldProblems();
      if (!studyIsOpen(study.status)) problems.add("studyId", "This study no longer takes new subjects.");
      const consentSignedAt = checkDates(problems, data, study.timeZone);
      if (data.screeningStatus === "passed" && !consentSignedAt) {
        problems.add("screeningStatus", "A subject without signed consent cannot pass screening.");
      }
      await checkCoordinator(tx, problems, data.coordinatorId, study.siteId);
      await checkSubjectIdFree(tx, problems, study.id, data.subjectId);
      problems.throwIfAny();

      const [created] = await tx
        .insert(subjects)
        .values({
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
        })
        .returning();
      await recordChange(tx, actor, { entity: "subject", action: "create", before: null, after: created! });
      return created!;
    });
  } catch (error) {
    // Two people registering the same Subject ID at once: the database's unique key decides.
    if (isUniqueViolation(error)) throw new ValidationError(FIX_FIELDS, { subjectId: [SUBJECT_ID_TAKEN] });
    throw error;
  }
}
