/**
 * Sponsor-overview fixtures on top of twoSites(): a study whose funnel, visit compliance and AE
 * counts are known by construction. Written straight into the database.
 */
import { getDb } from "@/db";
import { adverseEvents, screenings, subjects, visits, type Subject } from "@/db/schema";
import type { twoSites } from "./fixtures";
import { addSchedule } from "./fixtures-subjects";

type Fixture = Awaited<ReturnType<typeof twoSites>>;

/** Noon in New York (site A) on 2025-06-15: the site's today is 2025-06-15. */
export const OVERVIEW_NOW = new Date("2025-06-15T16:00:00Z");

/**
 * Study A gets, besides the fixture subject (registered, never screened):
 * ongoing, failed, completed, withdrawn (each screened) and passed-not-enrolled subjects →
 * registered 6, screened 5, passed 4, failed 1, enrolled 3 (1 ongoing, 1 completed, 1 withdrawn).
 * Planned visits: 4 due (1 completed in window, 1 out of window, 1 missed, 1 overdue), plus one not
 * yet due, one canceled and one unscheduled visit that do not count. AEs: severe serious,
 * moderate serious, two mild non-serious, one retired. Site B gets an AE that must not count.
 */
export async function studyWithKnownCounts(f: Fixture) {
  const db = await getDb();
  const [, , w4] = await addSchedule(f.studyA.id);
  const base = { siteId: f.siteA.id, studyId: f.studyA.id, coordinatorId: f.users.coordA.id, dob: "1950-02-03" };
  const enrolledAt = new Date("2025-05-01T13:00:00Z");
  const people = await db
    .insert(subjects)
    .values([
      { ...base, subjectId: "K-1", fullName: "Known Ongoing", screeningStatus: "passed", status: "enrolled", enrolledAt },
      { ...base, subjectId: "K-2", fullName: "Known Failed", screeningStatus: "failed", status: "screen_failed" },
      { ...base, subjectId: "K-3", fullName: "Known Completed", screeningStatus: "passed", status: "completed", enrolledAt, exitDate: "2025-06-10", exitReason: "Completed the protocol" },
      {
        ...base,
        subjectId: "K-4",
        fullName: "Known Withdrawn",
        screeningStatus: "passed",
        status: "withdrawn",
        enrolledAt,
        withdrawnAt: new Date("2025-06-01T13:00:00Z"),
        withdrawalReason: "Moved away",
      },
      { ...base, subjectId: "K-5", fullName: "Known Passed", screeningStatus: "passed", status: "screening" },
    ])
    .returning();
  const [ongoing, failedOne] = people as [Subject, Subject, ...Subject[]];
  await db.insert(screenings).values(
    people.map((p) => ({
      siteId: p.siteId,
      studyId: p.studyId,
      subjectId: p.id,
      screeningStatus: p.screeningStatus,
      screeningDate: "2025-04-20",
      completedById: f.users.coordA.id,
      failReason: p.id === failedOne.id ? "Exclusion criterion 3" : null,
    })),
  );

  const visit = (v: Partial<typeof visits.$inferInsert>) => ({
    siteId: f.siteA.id,
    studyId: f.studyA.id,
    subjectId: ongoing.id,
    coordinatorId: f.users.coordA.id,
    visitType: "treatment" as const,
    scheduleItemId: w4!.id,
    scheduledAt: new Date("2025-06-03T13:00:00Z"),
    windowStart: "2025-06-01",
    windowEnd: "2025-06-05",
    ...v,
  });
  await db.insert(visits).values([
    visit({ visitStatus: "completed", completedAt: new Date("2025-06-03T15:00:00Z") }),
    visit({ visitStatus: "completed", completedAt: new Date("2025-06-08T15:00:00Z") }),
    visit({ visitStatus: "missed" }),
    visit({ visitStatus: "scheduled", scheduledAt: new Date("2025-06-09T13:00:00Z"), windowStart: "2025-06-08", windowEnd: "2025-06-10" }),
    visit({ visitStatus: "scheduled", scheduledAt: new Date("2025-06-16T13:00:00Z"), windowStart: "2025-06-14", windowEnd: "2025-06-20" }),
    visit({ visitStatus: "canceled", statusReason: "Withdrawn" }),
    visit({ visitStatus: "completed", scheduleItemId: null, windowStart: null, windowEnd: null, completedAt: new Date("2025-06-03T15:00:00Z") }),
  ]);

  const ae = (v: Partial<typeof adverseEvents.$inferInsert>) => ({
    siteId: f.siteA.id,
    studyId: f.studyA.id,
    subjectId: ongoing.id,
    eventTerm: "Headache",
    severity: "mild" as const,
    serious: false,
    onsetDate: "2025-05-10",
    awareAt: new Date("2025-05-10T14:00:00Z"),
    reportedById: f.users.coordA.id,
    ...v,
  });
  await db.insert(adverseEvents).values([
    ae({ severity: "severe", serious: true, seriousnessCriteria: ["hospitalization"] }),
    ae({ severity: "moderate", serious: true, seriousnessCriteria: ["other_important_medical_event"] }),
    ae({}),
    ae({}),
    ae({ retiredAt: new Date(), retireReason: "Entered twice" }),
    ae({ siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, reportedById: f.users.coordB.id }),
  ]);
}
