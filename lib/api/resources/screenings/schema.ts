import { z } from "zod";
import { SCREENING_STATUSES } from "@/domain/vocabulary";
import { reason } from "../../../validation/fields";
import { screeningJsonFields as screening } from "../../../validation/screening";
import { listQueryShape } from "../../list";
import { calendarDate, EmbeddedStudy, EmbeddedSubject, EmbeddedUser, meta, uuid, versionField } from "../common";

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
    ...listQueryShape({ order: SCREENING_ORDER, defaultOrder: "-screeningDate", include: SCREENING_INCLUDE }),
  })
  .strict()
  .refine((q) => !q.screeningFrom || !q.screeningTo || q.screeningFrom <= q.screeningTo, {
    path: ["screeningTo"],
    message: "The end of the date range is before its start.",
  });
export type ScreeningListQuery = z.output<typeof ScreeningListQuery>;

/**
 * PATCH corrects a recorded screening with a reason: the fields sent replace the current ones,
 * the rest keep their values, and the same lib function as the screening queue checks the result.
 */
export const ScreeningPatch = z
  .object({
    version: versionField,
    reason: reason().describe("Reason for the correction (required)."),
    screeningStatus: screening.screeningStatus.optional(),
    screeningDate: screening.screeningDate.optional().describe("YYYY-MM-DD; not in the future at the site."),
    completedById: screening.completedById.optional().describe("An active coordinator or investigator of the site."),
    notes: screening.notes.nullable().optional().describe("Null clears the notes."),
    failReason: screening.failReason.nullable().optional().describe("Required when the outcome is `failed`."),
  })
  .strict()
  .meta({ id: "ScreeningPatch" });
