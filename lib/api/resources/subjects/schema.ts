import { z } from "zod";
import { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/domain/vocabulary";
import { listQueryShape, retiredQuery } from "../../list";
import { subjectModel } from "../../../read-model/subject";
import { RETIRE_FACTS } from "../../../read-model/visible";
import { EmbeddedStudy, EmbeddedUser, modelFields, RECORD_FIELDS, RETIRE_NOTES, uuid } from "../common";

/** A subject's own columns as the API carries them; ./queries.ts selects exactly these. */
export const SUBJECT_FIELDS = [
  ...RECORD_FIELDS, "subjectId", "fullName", "screeningStatus", "studyId", "siteId", "coordinatorId", "dob", "sexAtBirth", "consentSignedAt",
  "status", "enrolledAt", "withdrawnAt", "withdrawalReason", "exitDate", "exitReason", ...RETIRE_FACTS,
] as const;

export const Subject = z
  .object({
    ...modelFields(subjectModel, SUBJECT_FIELDS, {
      exitDate: "When the subject completed the study or was lost to follow-up (site-local date).",
      exitReason: "Why (free text).",
      ...RETIRE_NOTES,
    }),
    study: EmbeddedStudy.optional(),
    coordinator: EmbeddedUser.optional(),
  })
  .meta({ id: "Subject" });

export const SUBJECT_ORDER = ["subjectId", "createdAt", "updatedAt"] as const;
export const SUBJECT_INCLUDE = ["study", "coordinator"] as const;

export const SubjectListQuery = z
  .object({
    studyId: uuid.optional(),
    screeningStatus: z.enum(SCREENING_STATUSES).optional(),
    status: z.enum(SUBJECT_STATUSES).optional(),
    retired: retiredQuery,
    ...listQueryShape({ order: SUBJECT_ORDER, defaultOrder: "subjectId", include: SUBJECT_INCLUDE }),
  })
  .strict();
export type SubjectListQuery = z.output<typeof SubjectListQuery>;
