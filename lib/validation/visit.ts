/**
 * zod schemas for visits, shared by the forms, the server actions and (later) the REST API.
 * Times arrive as typed in a datetime-local input ("YYYY-MM-DDTHH:mm", site time) or as an ISO
 * instant with a zone (API clients); the lib function turns them into instants once it knows the
 * visit's site (lib/visits/site-time.ts). Error keys are the form field names.
 */
import { z } from "zod";
import { VISIT_STATUSES, VISIT_TYPES } from "@/db/schema";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

const recordId = z.uuid("Choose an existing record.");
const version = z.coerce.number({ error: "Reload the page and try again." }).int().positive("Reload the page and try again.");

/** A site-local datetime-local value or an ISO 8601 instant; checked for real dates later. */
const dateTime = (what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(40, `Enter the ${what} as a date and time.`);

const reason = z.string({ error: "Give a reason." }).trim().min(1, "Give a reason.").max(1000, "Use at most 1000 characters.");
const optionalReason = z.preprocess(blankToNull, z.string().trim().max(1000, "Use at most 1000 characters.").nullable());

export const scheduleVisitSchema = z
  .object({
    subjectId: z.uuid("Choose a subject."),
    visitType: z.enum(VISIT_TYPES, { error: "Choose a visit type." }),
    scheduledAt: dateTime("date and time of the visit"),
    location: z.preprocess(blankToNull, z.string().trim().max(200, "Use at most 200 characters.").nullable()),
    /** Defaults to the subject's coordinator. */
    coordinatorId: z.preprocess(blankToUndefined, z.uuid("Choose a coordinator.").optional()),
  })
  .strict();
export type ScheduleVisitInput = z.input<typeof scheduleVisitSchema>;

const existing = { id: recordId, version };

export const rescheduleVisitSchema = z
  .object({ ...existing, scheduledAt: dateTime("new date and time"), reason })
  .strict();
export type RescheduleVisitInput = z.input<typeof rescheduleVisitSchema>;

export const completeVisitSchema = z
  .object({
    ...existing,
    /** Defaults to now. */
    completedAt: z.preprocess(blankToUndefined, dateTime("time the visit was completed").optional()),
  })
  .strict();
export type CompleteVisitInput = z.input<typeof completeVisitSchema>;

export const missVisitSchema = z.object({ ...existing, reason: optionalReason }).strict();
export type MissVisitInput = z.input<typeof missVisitSchema>;

export const cancelVisitSchema = z.object({ ...existing, reason }).strict();
export type CancelVisitInput = z.input<typeof cancelVisitSchema>;

// ---------------------------------------------------------------- calendar filters
export const VISIT_FLAGS = ["overdue", "out_of_window"] as const;
export type VisitFlag = (typeof VISIT_FLAGS)[number];

export const visitFiltersSchema = z.object({
  studyId: z.uuid().optional(),
  visitStatus: z.enum(VISIT_STATUSES).optional(),
  coordinatorId: z.uuid().optional(),
});
export type VisitFilters = z.output<typeof visitFiltersSchema>;
