/** Row shapes of the clinical tables, as the generators build them (ids made in JS, up front). */
import type { adverseEvents, screenings, subjectNotes, subjects, visits } from "@/db/schema";

type WithIds<T> = T & { id: string; siteId: string; studyId: string };

export type SubjectRow = WithIds<typeof subjects.$inferInsert>;
export type ScreeningRow = WithIds<typeof screenings.$inferInsert>;
export type VisitRow = WithIds<typeof visits.$inferInsert>;
export type AdverseEventRow = WithIds<typeof adverseEvents.$inferInsert>;
export type NoteRow = WithIds<typeof subjectNotes.$inferInsert>;

export type ClinicalRows = {
  subjects: SubjectRow[];
  screenings: ScreeningRow[];
  visits: VisitRow[];
  adverseEvents: AdverseEventRow[];
  notes: NoteRow[];
};

export const emptyClinicalRows = (): ClinicalRows => ({
  subjects: [],
  screenings: [],
  visits: [],
  adverseEvents: [],
  notes: [],
});

export type ClinicalCounts = { [K in keyof ClinicalRows]: number };

export const countRows = (rows: ClinicalRows): ClinicalCounts => ({
  subjects: rows.subjects.length,
  screenings: rows.screenings.length,
  visits: rows.visits.length,
  adverseEvents: rows.adverseEvents.length,
  notes: rows.notes.length,
});
