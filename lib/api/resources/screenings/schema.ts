import { z } from "zod";
import { SCREENING_STATUSES } from "@/domain/vocabulary";
import { listQueryShape, retiredQuery } from "../../list";
import { calendarDate, EmbeddedStudy, EmbeddedSubject, EmbeddedUser, meta, retiredFields, uuid } from "../common";

export const Screening = z
  .object({
    ...meta,
    subjectId: uuid,
    studyId: uuid,
    siteId: uuid,
    screeningStatus: z.enum(SCREENING_STATUSES),
    screeningDate: calendarDate,
    completedById: uuid,
    notes: z.string().nullable().describe("Free text; null for sponsors."),
    failReason: z.string().nullable().describe("Why the subject failed screening (free text); null otherwise and for sponsors."),
    ...retiredFields,
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
