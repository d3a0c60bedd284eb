/**
 * GET /subjects/{id}/timeline — a subject's whole story in one request: the same read the timeline
 * page renders (lib/timeline), with the same site scoping and de-identification.
 */
import { z } from "zod";
import { getSubjectTimeline } from "../../../timeline/subject-timeline";
import { route } from "../../http/route";
import { instant } from "../common";

const HistoryEntry = z.object({
  id: z.string(),
  action: z.string(),
  at: instant,
  actorName: z.string(),
  changes: z.record(z.string(), z.array(z.unknown())).describe("field → [old, new]"),
  reason: z.string().nullable(),
});

export const SubjectTimeline = z
  .object({
    subject: z.record(z.string(), z.unknown()).describe("The subject, as on its page (de-identified for sponsors)."),
    plannedVisitCount: z.number().int(),
    entries: z.array(
      z.object({
        kind: z.enum(["subject", "consent", "screening", "visit", "ae", "note"]),
        key: z.string(),
        at: instant,
        dateOnly: z.string().optional().describe("For records dated by a calendar date (screenings, AEs)."),
        action: z.string().optional(),
        record: z.record(z.string(), z.unknown()).optional(),
        history: z.union([HistoryEntry, z.array(HistoryEntry)]).nullable().optional(),
      }),
    ),
  })
  .meta({ id: "SubjectTimeline" });

export const subjectTimelineRoute = route({
  method: "GET",
  path: "/subjects/{id}/timeline",
  operationId: "getSubjectTimeline",
  summary: "A subject's timeline: screenings, visits, AEs, notes and their history, oldest first",
  tag: "Subjects",
  success: { status: 200, description: "The timeline.", schema: SubjectTimeline },
  errors: [401, 404, 429],
  handle: async ({ actor, params }) => {
    const { subject, entries, plannedVisitCount } = await getSubjectTimeline(actor, params.id!);
    return { body: { subject, entries, plannedVisitCount } };
  },
});
