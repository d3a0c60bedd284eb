/**
 * What a task made on a subject's timeline may be about: the subject itself, or one of its visits,
 * adverse events or screenings still in use — taken from the timeline's own entries (no query), as
 * "entity:id" choices for the new-task form.
 */
import { formatInstant } from "../format";
import type { TimelineEntry } from "./types";

export function subjectTaskTargets(subject: { id: string; subjectId: string }, entries: readonly TimelineEntry[], timeZone: string) {
  const targets = [{ value: `subject:${subject.id}`, label: `Subject ${subject.subjectId}` }];
  for (const e of entries) {
    if (e.kind === "visit" && !e.record.retiredAt) {
      targets.push({ value: `visit:${e.record.id}`, label: `Visit: ${e.record.scheduleName ?? e.record.visitType} · ${formatInstant(e.record.scheduledAt, timeZone)}` });
    } else if (e.kind === "ae" && !e.record.retiredAt) {
      targets.push({ value: `adverse_event:${e.record.id}`, label: `Adverse event: ${e.record.eventTerm} · onset ${e.record.onsetDate}` });
    } else if (e.kind === "screening" && !e.record.retiredAt) {
      targets.push({ value: `screening:${e.record.id}`, label: `Screening of ${e.record.screeningDate}` });
    }
  }
  return targets;
}
