/**
 * A subject's "story": the subject row plus everything that happened to them, built up by the
 * journey functions and flattened into table rows at the end. Keeping the days (consent,
 * enrolment, end) beside the rows lets later steps (AEs, notes) stay consistent with them.
 */
import { randomUUID } from "node:crypto";
import type { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/db/schema";
import type { SiteCtx, StudyCtx } from "./context";
import { isoDay, notAfter, siteTime, type Day } from "./dates";
import { personName, type Region, type Sex } from "./names";
import type { Rng } from "./random";
import type { AdverseEventRow, ClinicalRows, NoteRow, ScreeningRow, SubjectRow, VisitRow } from "./rows";

export type Story = {
  study: StudyCtx;
  subject: SubjectRow;
  now: Date;
  registeredDay: Day;
  consentDay: Day | null;
  /** Enrolment (baseline) day; null for subjects who never enrolled. */
  anchor: Day | null;
  /** Last day on study of a completed, withdrawn or lost subject. */
  endDay: Day | null;
  screenings: ScreeningRow[];
  visits: VisitRow[];
  adverseEvents: AdverseEventRow[];
  notes: NoteRow[];
};

export type Identity = { fullName: string; dob: string; sexAtBirth: Sex };

/** An adult of 18–85 on the day of seeding. */
export function subjectIdentity(rng: Rng, region: Region, now: Date): Identity {
  const sexAtBirth = rng.weighted<Sex>([
    ["female", 48],
    ["male", 48],
    ["unknown", 3],
    ["undifferentiated", 1],
  ]);
  // Born in (this year - age) on a day up to the 28th, so the age is age-1 or age: 18..84.
  const year = now.getUTCFullYear() - rng.int(19, 84);
  const dob = `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  return { fullName: personName(rng, sexAtBirth, region), dob, sexAtBirth };
}

/** Appointment slots: 08:30 to 16:00 site time, every half hour. */
export const slotMinutes = (rng: Rng): number => 8 * 60 + 30 + 30 * rng.int(0, 15);

export const atSite = (site: SiteCtx, day: Day, minutes: number): Date => siteTime(site.timezone, day, minutes);

/** The subject's own coordinator takes most of the work; the others cover. */
export function pickCoordinator(rng: Rng, site: SiteCtx): string {
  const [main, ...others] = site.coordinatorIds;
  if (!main) throw new Error(`site ${site.name} has no active coordinator`);
  return others.length > 0 && rng.chance(0.35) ? rng.pick(others) : main;
}

export function pickRecorder(rng: Rng, story: Story): string {
  return rng.chance(0.65) ? story.subject.coordinatorId : rng.pick(story.study.site.investigatorIds);
}

export function newStory(
  study: StudyCtx,
  identity: Identity,
  fields: {
    now: Date;
    coordinatorId: string;
    status: (typeof SUBJECT_STATUSES)[number];
    screeningStatus: (typeof SCREENING_STATUSES)[number];
  },
): Story {
  // Every journey starts with setRegistered(), which dates the record.
  const createdAt = fields.now;
  return {
    study,
    now: fields.now,
    registeredDay: study.site.today,
    consentDay: null,
    anchor: null,
    endDay: null,
    subject: {
      id: randomUUID(),
      siteId: study.site.id,
      studyId: study.id,
      subjectId: "", // numbered once every story of the study is known (see numberSubjects)
      ...identity,
      screeningStatus: fields.screeningStatus,
      coordinatorId: fields.coordinatorId,
      status: fields.status,
      createdAt,
      updatedAt: createdAt,
    },
    screenings: [],
    visits: [],
    adverseEvents: [],
    notes: [],
  };
}

/** The day the subject entered the site's screening log (the subject record's creation). */
export function setRegistered(story: Story, day: Day, rng: Rng): void {
  story.registeredDay = day;
  const createdAt = notAfter(atSite(story.study.site, day, slotMinutes(rng)), story.now);
  story.subject.createdAt = createdAt;
  story.subject.updatedAt = createdAt;
}

export function setConsent(story: Story, day: Day, rng: Rng): void {
  story.consentDay = day;
  story.subject.consentSignedAt = notAfter(atSite(story.study.site, day, slotMinutes(rng)), story.now);
}

export function addScreening(
  story: Story,
  rng: Rng,
  fields: { day: Day; status: ScreeningRow["screeningStatus"]; notes?: string | null; failReason?: string | null },
): void {
  const { site } = story.study;
  const createdAt = notAfter(atSite(site, fields.day, slotMinutes(rng) + 60), story.now);
  story.screenings.push({
    id: randomUUID(),
    siteId: site.id,
    studyId: story.study.id,
    subjectId: story.subject.id,
    screeningStatus: fields.status,
    screeningDate: isoDay(fields.day),
    completedById: rng.chance(0.6) ? story.subject.coordinatorId : rng.pick(site.investigatorIds),
    notes: fields.notes ?? null,
    failReason: fields.failReason ?? null,
    createdAt,
    updatedAt: createdAt,
  });
}

export function addNote(
  story: Story,
  fields: { authorId: string; noteType: NoteRow["noteType"]; noteText: string; at: Date },
): void {
  const createdAt = notAfter(fields.at, story.now);
  story.notes.push({
    id: randomUUID(),
    siteId: story.study.site.id,
    studyId: story.study.id,
    subjectId: story.subject.id,
    authorId: fields.authorId,
    noteType: fields.noteType,
    noteText: fields.noteText,
    createdAt,
    updatedAt: createdAt,
  });
}

/** Study subject numbers follow registration order, like a real screening log. */
export function numberSubjects(stories: Story[], width = 3): void {
  const ordered = stories
    .map((story, index) => ({ story, index }))
    .sort((a, b) => a.story.registeredDay - b.story.registeredDay || a.index - b.index);
  ordered.forEach(({ story }, n) => {
    story.subject.subjectId = `${story.study.subjectPrefix}-${String(n + 1).padStart(width, "0")}`;
  });
}

export function flattenStories(stories: Story[], into: ClinicalRows): ClinicalRows {
  for (const s of stories) {
    into.subjects.push(s.subject);
    into.screenings.push(...s.screenings);
    into.visits.push(...s.visits);
    into.adverseEvents.push(...s.adverseEvents);
    into.notes.push(...s.notes);
  }
  return into;
}
