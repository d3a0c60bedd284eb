/**
 * zod schemas for screenings, shared by the screening-queue form, its server action and (later)
 * the REST/GraphQL layers. Rules that need the database or the site's clock (consent, "not in the
 * future" at the site, completed-by is site staff) are checked in lib/screenings/*.
 */
import { z } from "zod";
import { SCREENING_STATUSES } from "@/domain/vocabulary";
import { isoDate, optionalField, optionalReason, reason, reasonText, recordId, version } from "./fields";

const SCREENING_NOTES_MAX_LENGTH = 2000;

/** A screening's fields as JSON carries them; the API's PATCH body is built from these. */
export const screeningJsonFields = {
  screeningStatus: z.enum(SCREENING_STATUSES, { error: "Choose a screening status." }),
  screeningDate: isoDate("screening date"),
  completedById: recordId("Choose who completed the screening."),
  notes: z.string().trim().max(SCREENING_NOTES_MAX_LENGTH, `Use at most ${SCREENING_NOTES_MAX_LENGTH} characters.`),
  failReason: reasonText,
};

const outcome = {
  screeningStatus: screeningJsonFields.screeningStatus,
  /** Defaults to today at the site when left empty. */
  screeningDate: optionalField(screeningJsonFields.screeningDate),
  /** Defaults to the person recording it. */
  completedById: optionalField(screeningJsonFields.completedById),
  notes: optionalField(screeningJsonFields.notes),
  failReason: optionalReason,
};

function requireFailReason(v: { screeningStatus: string; failReason?: string }, ctx: z.RefinementCtx) {
  if (v.screeningStatus === "failed" && !v.failReason) {
    ctx.addIssue({ code: "custom", path: ["failReason"], message: "Give the reason the subject failed screening." });
  }
}

/** Record a screening outcome for a subject; carries the subject's version (optimistic concurrency). */
export const recordScreeningSchema = z
  .object({ subjectId: recordId("Choose an existing subject."), subjectVersion: version, ...outcome })
  .strict()
  .superRefine(requireFailReason);
export type RecordScreeningInput = z.input<typeof recordScreeningSchema>;

/** Correct a recorded screening: every field again, its version, and a reason for the change. */
export const updateScreeningSchema = z
  .object({
    id: recordId("Choose an existing screening."),
    version,
    ...outcome,
    screeningDate: screeningJsonFields.screeningDate,
    reason: reason(),
  })
  .strict()
  .superRefine(requireFailReason);
export type UpdateScreeningInput = z.input<typeof updateScreeningSchema>;
