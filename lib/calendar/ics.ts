/**
 * A feed's events as an iCalendar document (RFC 5545), made with ical-generator. Each record is
 * one VEVENT whose UID is stable (`visit-<id>@trialdesk`, `task-<id>@trialdesk`) and whose SEQUENCE
 * is the record's version, so a calendar client updates it in place; times are UTC instants. A
 * visit lasts an hour (visits have no end time); a task is a 15-minute event at its due time. The
 * words are fixed, with codes only (./feed-events.ts says which).
 */
import ical, { ICalEventStatus } from "ical-generator";
import type { TaskEntity, TaskPriority, VisitStatus, VisitType } from "@/domain/vocabulary";
import type { FeedOwner, FeedTask, FeedVisit } from "./feed-events";

const MINUTE_MS = 60_000;
const VISIT_MINUTES = 60;
const TASK_MINUTES = 15;

const VISIT_TYPE: Record<VisitType, string> = {
  screening: "Screening visit",
  baseline: "Baseline visit",
  treatment: "Treatment visit",
  follow_up: "Follow-up visit",
  unscheduled: "Unscheduled visit",
  end_of_study: "End-of-study visit",
};
const VISIT_STATUS: Record<VisitStatus, string> = { scheduled: "", completed: " (completed)", missed: " (missed)", canceled: " (canceled)" };
const TASK_ABOUT: Record<TaskEntity, string> = {
  subject: "a subject",
  visit: "a visit",
  adverse_event: "an adverse event",
  screening: "a screening",
  study: "the study",
};
const PRIORITY: Record<TaskPriority, string> = { low: "", normal: "", high: " (high priority)", urgent: " (urgent)" };

export function feedCalendar(owner: FeedOwner, events: { visits: FeedVisit[]; tasks: FeedTask[] }, origin: string): string {
  const calendar = ical({
    name: "TrialDesk: visits and tasks",
    description: `Your visits and open tasks at ${owner.siteName}, from TrialDesk. Subjects are named by code only.`,
    prodId: { company: "TrialDesk", product: "calendar-feed", language: "EN" },
    ttl: 30 * 60,
  });
  for (const v of events.visits) {
    const url = `${origin}/visits/${v.id}`;
    calendar.createEvent({
      id: `visit-${v.id}@trialdesk`,
      sequence: v.version,
      stamp: v.updatedAt,
      lastModified: v.updatedAt,
      start: v.scheduledAt,
      end: new Date(v.scheduledAt.getTime() + VISIT_MINUTES * MINUTE_MS),
      summary: `${VISIT_TYPE[v.visitType]} · ${v.subjectCode}${VISIT_STATUS[v.visitStatus]}`,
      description: `Study ${v.protocolId}, ${owner.siteName}.\nOpen in TrialDesk: ${url}`,
      url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  for (const t of events.tasks) {
    // A task's own page is its subject's timeline; a task about the study lives on the task list.
    const url = t.subjectId ? `${origin}/subjects/${t.subjectId}` : `${origin}/tasks`;
    const about = t.subjectCode ?? t.protocolId ?? owner.siteName;
    calendar.createEvent({
      id: `task-${t.id}@trialdesk`,
      sequence: t.version,
      stamp: t.updatedAt,
      lastModified: t.updatedAt,
      start: t.dueAt,
      end: new Date(t.dueAt.getTime() + TASK_MINUTES * MINUTE_MS),
      summary: `Task due · ${about}${PRIORITY[t.priority]}`,
      description: `A task about ${TASK_ABOUT[t.entity]}${t.protocolId ? ` (study ${t.protocolId})` : ""}, ${owner.siteName}.\nOpen in TrialDesk: ${url}`,
      url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
