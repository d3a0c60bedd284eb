/**
 * zod schemas for visits, shared by the forms, the server actions and (later) the REST API.
 * Times arrive as typed in a datetime-local input ("YYYY-MM-DDTHH:mm", site time) or as an ISO
 * instant with a zone (API clients); the lib function turns them into instants once it knows the
 * visit's site (lib/visits/site-time.ts). Error keys are the form field names.
 */
import { z } from "zod";
import { VISIT_STATUSES, VISIT_TYPES } from "@/domain/vocabulary";
import { dateTime, nullableField, nullableReason, optionalField, reason, recordId, version } from "./fields";

export const scheduleVisitSchema = z
  .object({
    subjectId: recordId("Choose a subject."),
    visitType: z.enum(VISIT_TYPES, { error: "Choose a visit type." }),
    scheduledAt: dateTime("date and time of the visit"),
    location: nullableField(z.string().trim().max(200, "Use at most 200 characters.")),
    /** Defaults to the subject's coordinator. */
    coordinatorId: optionalField(recordId("Choose a coordinator.")),
  })
  .strict();
export type ScheduleVisitInput = z.input<typeof scheduleVisitSchema>;

const existing = { id: recordId("Choose an existing visit."), version };
/** The visit pages ask "Give a reason." beside the reason box of each dialog. */
const visitReason = reason("Give a reason.");

export const rescheduleVisitSchema = z
  .object({ ...existing, scheduledAt: dateTime("new date and time"), reason: visitReason })
  .strict();
export type RescheduleVisitInput = z.input<typeof rescheduleVisitSchema>;

export const completeVisitSchema = z
  .object({
    ...existing,
    /** Defaults to now. */
    completedAt: optionalField(dateTime("time the visit was completed")),
  })
  .strict();
export type CompleteVisitInput = z.input<typeof completeVisitSchema>;

export const missVisitSchema = z.object({ ...existing, reason: nullableReason }).strict();
export type MissVisitInput = z.input<typeof missVisitSchema>;

export const cancelVisitSchema = z.object({ ...existing, reason: visitReason }).strict();
export type CancelVisitInput = z.input<typeof cancelVisitSchema>;

// ---------------------------------------------------------------- calendar filters
export const VISIT_FLAGS = ["overdue", "out_of_window"] as const;
export type VisitFlag = (typeof VISIT_FLAGS)[number];

export const visitFiltersSchema = z.object({
  studyId: z.uuid().optional(),
  visitStatus: z.enum(VISIT_STATUSES).optional(),
  coordinatorId: z.uuid().optional(),
  /** "Show retired": visits retired as entered in error join the calendar, marked. */
  retired: z.enum(["include"]).optional(),
});
export type VisitFilters = z.output<typeof visitFiltersSchema>;
