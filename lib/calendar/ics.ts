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

/** One record as a VEVENT: its stable UID, its version as SEQUENCE, an instant and a length. */
type CalendarRecord = { uid: string; version: number; updatedAt: Date; start: Date; minutes: number; summary: string; about: string; url: string };

export function feedCalendar(owner: FeedOwner, events: { visits: FeedVisit[]; tasks: FeedTask[] }, origin: string): string {
  const calendar = ical({
    name: "TrialDesk: visits and tasks",
    description: `Your visits and open tasks at ${owner.siteName}, from TrialDesk. Subjects are named by code only.`,
    prodId: { company: "TrialDesk", product: "calendar-feed", language: "EN" },
    ttl: 30 * 60,
  });
  const add = (r: CalendarRecord) =>
    calendar.createEvent({
      id: r.uid,
      sequence: r.version,
      stamp: r.updatedAt,
      lastModified: r.updatedAt,
      start: r.start,
      end: new Date(r.start.getTime() + r.minutes * MINUTE_MS),
      summary: r.summary,
      description: `${r.about}, ${owner.siteName}.\nOpen in TrialDesk: ${r.url}`,
      url: r.url,
      status: ICalEventStatus.CONFIRMED,
    });
  for (const v of events.visits) {
    add({
      uid: `visit-${v.id}@trialdesk`,
      version: v.version,
      updatedAt: v.updatedAt,
      start: v.scheduledAt,
      minutes: VISIT_MINUTES,
      summary: `${VISIT_TYPE[v.visitType]} · ${v.subjectCode}${VISIT_STATUS[v.visitStatus]}`,
      about: `Study ${v.protocolId}`,
      url: `${origin}/visits/${v.id}`,
    });
  }
  for (const t of events.tasks) {
    add({
      uid: `task-${t.id}@trialdesk`,
      version: t.version,
      updatedAt: t.updatedAt,
      start: t.dueAt,
      minutes: TASK_MINUTES,
      summary: `Task due · ${t.subjectCode ?? t.protocolId ?? owner.siteName}${PRIORITY[t.priority]}`,
      about: `A task about ${TASK_ABOUT[t.entity]}${t.protocolId ? ` (study ${t.protocolId})` : ""}`,
      // A task's own page is its subject's timeline; a task about the study lives on the task list.
      url: t.subjectId ? `${origin}/subjects/${t.subjectId}` : `${origin}/tasks`,
    });
  }
  return calendar.toString();
}
