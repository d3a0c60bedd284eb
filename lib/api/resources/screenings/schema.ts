import { z } from "zod";
import { SCREENING_STATUSES } from "@/domain/vocabulary";
import { listQueryShape, retiredQuery } from "../../list";
import { screeningModel } from "../../../read-model/screening";
import { RETIRE_FACTS } from "../../../read-model/visible";
import { calendarDate, EmbeddedStudy, EmbeddedSubject, EmbeddedUser, modelFields, RECORD_FIELDS, RETIRE_NOTES, uuid } from "../common";

/** A screening's own columns as the API carries them; ./queries.ts selects exactly these. */
export const SCREENING_FIELDS = [
  ...RECORD_FIELDS, "subjectId", "studyId", "siteId", "screeningStatus", "screeningDate", "completedById", "notes", "failReason", ...RETIRE_FACTS,
] as const;

export const Screening = z
  .object({
    ...modelFields(screeningModel, SCREENING_FIELDS, {
      notes: "Free text.",
      failReason: "Why the subject failed screening (free text); null otherwise.",
      ...RETIRE_NOTES,
    }),
    subject: EmbeddedSubject.optional(),
    study: EmbeddedStudy.optional(),
    completedBy: EmbeddedUser.optional(),
  })
  .meta({ id: "Screening" });

export const SCREENING_ORDER = ["screeningDate", "createdAt", "updatedAt"] as const;
export const SCREENING_INCLUDE = ["subject", "study", "completedBy"] as const;

export const ScreeningListQuery = z
  .object({
    studyId: uuid.optional(),
    subjectId: uuid.optional().describe("The subject's record id (`Subject.id`)."),
    screeningStatus: z.enum(SCREENING_STATUSES).optional(),
    screeningFrom: calendarDate.optional().describe("Screened on or after this date (YYYY-MM-DD)."),
    screeningTo: calendarDate.optional().describe("Screened on or before this date (YYYY-MM-DD)."),
    retired: retiredQuery,
    ...listQueryShape({ order: SCREENING_ORDER, defaultOrder: "-screeningDate", include: SCREENING_INCLUDE }),
  })
  .strict()
  .refine((q) => !q.screeningFrom || !q.screeningTo || q.screeningFrom <= q.screeningTo, {
    path: ["screeningTo"],
    message: "The end of the date range is before its start.",
  });
export type ScreeningListQuery = z.output<typeof ScreeningListQuery>;
