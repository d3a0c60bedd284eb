/**
 * Subject, timeline and note fixtures on top of twoSites(): rows written straight into the
 * database (the lib functions under test are not used to build them).
 */
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  adverseEvents,
  auditEvents,
  screenings,
  studies,
  subjectNotes,
  subjects,
  visitScheduleItems,
  visits,
  type Subject,
} from "@/db/schema";
import type { twoSites } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof twoSites>>;

/** A protocol schedule for a study: a screening visit before the anchor, then baseline and week 4. */
export async function addSchedule(studyId: string) {
  const db = await getDb();
  return db
    .insert(visitScheduleItems)
    .values([
      { studyId, code: "SCR", name: "Screening", visitType: "screening", dayOffset: -14, windowBefore: 7, windowAfter: 7, sortOrder: 1 },
      { studyId, code: "BL", name: "Baseline", visitType: "baseline", dayOffset: 0, windowBefore: 0, windowAfter: 0, sortOrder: 2 },
      { studyId, code: "W4", name: "Week 4", visitType: "treatment", dayOffset: 28, windowBefore: 3, windowAfter: 3, sortOrder: 3 },
      {
        studyId,
        code: "OLD",
        name: "Retired visit",
        visitType: "treatment",
        dayOffset: 14,
        sortOrder: 4,
        retiredAt: new Date(),
        retireReason: "Protocol amendment 2",
      },
    ])
    .returning();
}

/** Makes a subject ready to enroll: consented and passed screening. */
export async function passScreening(subject: Subject) {
  const db = await getDb();
  const [row] = await db
    .update(subjects)
    .set({ screeningStatus: "passed", consentSignedAt: new Date(Date.now() - 20 * 86_400_000) })
    .where(eq(subjects.id, subject.id))
    .returning();
  return row!;
}

export async function setStudyStatus(studyId: string, status: (typeof studies.$inferSelect)["status"]) {
  const db = await getDb();
  await db.update(studies).set({ status }).where(eq(studies.id, studyId));
}

export async function reload(subjectId: string) {
  const db = await getDb();
  const [row] = await db.select().from(subjects).where(eq(subjects.id, subjectId));
  return row!;
}

/** A subject of site A's study with `n` records of each kind (screenings, visits, AEs, notes) and their audit rows. */
export async function subjectWithHistory(f: Fixture, subjectId: string, n: number) {
  const db = await getDb();
  const [subject] = await db
    .insert(subjects)
    .values({
      siteId: f.siteA.id,
      studyId: f.studyA.id,
      subjectId,
      fullName: `History ${subjectId}`,
      coordinatorId: f.users.coordA.id,
      dob: "1960-01-01",
      consentSignedAt: new Date("2024-01-02T15:00:00Z"),
    })
    .returning();
  const base = { siteId: f.siteA.id, studyId: f.studyA.id, subjectId: subject!.id };
  const days = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 3 + i, 14)));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const scr = await db
    .insert(screenings)
    .values(days.map((d) => ({ ...base, screeningStatus: "rescreen" as const, screeningDate: iso(d), completedById: f.users.coordA.id })))
    .returning({ id: screenings.id });
  const vis = await db
    .insert(visits)
    .values(days.map((d) => ({ ...base, visitType: "treatment" as const, scheduledAt: d, coordinatorId: f.users.coordA.id, windowStart: iso(d), windowEnd: iso(d) })))
    .returning({ id: visits.id });
  const aes = await db
    .insert(adverseEvents)
    .values(
      days.map((d) => ({ ...base, eventTerm: "Headache", severity: "mild" as const, serious: false, onsetDate: iso(d), awareAt: d, reportedById: f.users.coordA.id })),
    )
    .returning({ id: adverseEvents.id });
  const notes = await db
    .insert(subjectNotes)
    .values(days.map((d) => ({ ...base, authorId: f.users.coordA.id, noteType: "call" as const, noteText: `Called on ${iso(d)}`, createdAt: d })))
    .returning({ id: subjectNotes.id });
  const audit = (entity: string, ids: { id: string }[]) =>
    ids.map(({ id }) => ({ actorId: f.users.coordA.id, actorUsername: "coord_a", siteId: f.siteA.id, entity, entityId: id, action: "create",
      changes: { coordinatorId: [null, f.users.coordA.id] } as Record<string, [unknown, unknown]> }));
  await db
    .insert(auditEvents)
    .values([...audit("screening", scr), ...audit("visit", vis), ...audit("adverse_event", aes), ...audit("subject_note", notes), ...audit("subject", [subject!])]);
  return subject!;
}

/** Row and audit counts that a refused write must leave unchanged. */
export async function counts() {
  const db = await getDb();
  const n = async (table: typeof subjects | typeof visits | typeof subjectNotes | typeof auditEvents) => {
    const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table);
    return row!.n;
  };
  return { subjects: await n(subjects), visits: await n(visits), notes: await n(subjectNotes), audit: await n(auditEvents) };
}
