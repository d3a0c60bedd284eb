/**
 * What a task is about, loaded on the write road: a subject, visit, adverse event, screening or
 * study of the actor's scope (another site's, or a retired one, is "not found"), share-locked while
 * the task is written, authorised with the write's own action on the record's site and study —
 * with its subject and the site's time zone, which the task takes over.
 */
import "server-only";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { adverseEvents, screenings, studies, subjects, visits, type TaskEntity } from "@/db/schema";
import { siteTimeZoneOf } from "../write/extra";
import type { Writer } from "../write/road";

const SITE_OF: Record<TaskEntity, AnyPgColumn> = {
  subject: subjects.siteId,
  visit: visits.siteId,
  adverse_event: adverseEvents.siteId,
  screening: screenings.siteId,
  study: studies.siteId,
};

const NOT_FOUND: Record<TaskEntity, string> = {
  subject: "Subject not found.",
  visit: "Visit not found.",
  adverse_event: "Adverse event not found.",
  screening: "Screening not found.",
  study: "Study not found.",
};

export type TaskRecord = { siteId: string; studyId: string; subjectId: string | null; timeZone: string };

export async function loadTaskRecord(w: Writer, entity: TaskEntity, id: string): Promise<TaskRecord> {
  const loaded = await w.load(entity, id, { lock: "share", notFound: NOT_FOUND[entity], extra: { timeZone: siteTimeZoneOf(SITE_OF[entity]) } });
  const row = loaded.row as { id: string; siteId: string; studyId?: string; subjectId?: string };
  return {
    siteId: row.siteId,
    // A study is its own study; every other record names its study and subject.
    studyId: entity === "study" ? row.id : row.studyId!,
    subjectId: entity === "study" ? null : entity === "subject" ? row.id : row.subjectId!,
    timeZone: loaded.extra.timeZone as string,
  };
}
