/**
 * zod schemas for screenings, shared by the screening-queue form, its server action and (later)
 * the REST/GraphQL layers. Rules that need the database or the site's clock (consent, "not in the
 * future" at the site, completed-by is site staff) are checked in lib/screenings/*.
 */
import { z } from "zod";
import { SCREENING_STATUSES } from "@/db/schema";
import { isIsoDate } from "../dates";

const uuid = z.uuid("Choose an existing record.");
const version = z.coerce.number({ error: "Missing record version." }).int().positive();
/** Empty form fields mean "not given". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const isoDate = z
  .string({ error: "Enter a date." })
  .trim()
  .refine(isIsoDate, "Enter a valid date (YYYY-MM-DD).");

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `Use at most ${max} characters.`).optional());

const outcome = {
  screeningStatus: z.enum(SCREENING_STATUSES, { error: "Choose a screening status." }),
  /** Defaults to today at the site when left empty. */
  screeningDate: z.preprocess(blankToUndefined, isoDate.optional()),
  /** Defaults to the person recording it. */
  completedById: z.preprocess(blankToUndefined, uuid.optional()),
  notes: optionalText(2000),
  failReason: optionalText(500),
};

function requireFailReason(v: { screeningStatus: string; failReason?: string }, ctx: z.RefinementCtx) {
  if (v.screeningStatus === "failed" && !v.failReason) {
    ctx.addIssue({ code: "custom", path: ["failReason"], message: "Give the reason the subject failed screening." });
  }
}

/** Record a screening outcome for a subject; carries the subject's version (optimistic concurrency). */
export const recordScreeningSchema = z
  .object({ subjectId: uuid, subjectVersion: version, ...outcome })
  .strict()
  .superRefine(requireFailReason);
export type RecordScreeningInput = z.input<typeof recordScreeningSchema>;

/** Correct a recorded screening: every field again, its version, and a reason for the change. */
export const updateScreeningSchema = z
  .object({
    id: uuid,
    version,
    ...outcome,
    screeningDate: isoDate,
    reason: z.string({ error: "Give a reason for the change." }).trim().min(1, "Give a reason for the change.").max(500),
  })
  .strict()
  .superRefine(requireFailReason);
export type UpdateScreeningInput = z.input<typeof updateScreeningSchema>;
