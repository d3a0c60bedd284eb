import { z } from "zod";
import { VISIT_STATUSES, VISIT_TYPES } from "@/domain/vocabulary";
import { listQueryShape, retiredQuery } from "../../list";
import { RETIRE_FACTS } from "../../../read-model/visible";
import { visitModel } from "../../../read-model/visit";
import { EmbeddedStudy, EmbeddedSubject, EmbeddedUser, instant, modelFields, RECORD_FIELDS, RETIRE_NOTES, uuid } from "../common";

/** A visit's own columns as the API carries them; ./queries.ts selects exactly these. */
export const VISIT_FIELDS = [
  ...RECORD_FIELDS, "subjectId", "studyId", "siteId", "visitType", "scheduledAt", "visitStatus", "location", "coordinatorId",
  "scheduleItemId", "windowStart", "windowEnd", "completedAt", "statusReason", ...RETIRE_FACTS,
] as const;

export const Visit = z
  .object({
    ...modelFields(visitModel, VISIT_FIELDS, {
      scheduleItemId: "The protocol visit this fulfils; null for unscheduled visits.",
      windowStart: "Protocol window, first site-local day (inclusive).",
      windowEnd: "Protocol window, last site-local day (inclusive).",
      statusReason: "Why it was canceled or missed (free text).",
      ...RETIRE_NOTES,
    }),
    outOfWindow: z
      .boolean()
      .describe("A scheduled or completed visit whose site-local date (completedAt when done, else scheduledAt) is outside its window."),
    subject: EmbeddedSubject.optional(),
    study: EmbeddedStudy.optional(),
    coordinator: EmbeddedUser.optional(),
  })
  .meta({ id: "Visit" });

export const VISIT_ORDER = ["scheduledAt", "createdAt", "updatedAt"] as const;
export const VISIT_INCLUDE = ["subject", "study", "coordinator"] as const;

export const VisitListQuery = z
  .object({
    studyId: uuid.optional(),
    subjectId: uuid.optional().describe("The subject's record id (`Subject.id`)."),
    visitStatus: z.enum(VISIT_STATUSES).optional(),
    visitType: z.enum(VISIT_TYPES).optional(),
    scheduledFrom: instant.optional().describe("Scheduled at or after this instant (ISO 8601 with a zone)."),
    scheduledTo: instant.optional().describe("Scheduled before this instant (exclusive; ISO 8601 with a zone)."),
    retired: retiredQuery,
    ...listQueryShape({ order: VISIT_ORDER, defaultOrder: "scheduledAt", include: VISIT_INCLUDE }),
  })
  .strict()
  .refine((q) => !q.scheduledFrom || !q.scheduledTo || Date.parse(q.scheduledFrom) <= Date.parse(q.scheduledTo), {
    path: ["scheduledTo"],
    message: "The end of the time range is before its start.",
  });
export type VisitListQuery = z.output<typeof VisitListQuery>;
