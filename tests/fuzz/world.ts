/**
 * The records the fuzzers aim at: the two-site fixture plus one record of every kind on each site,
 * a study and users that only exist to be changed (so a hostile-but-valid admin write cannot lock
 * the callers out halfway through a run), and a session token per caller.
 */
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens, studies, subjectNotes, visitScheduleItems } from "@/db/schema";
import { tokenFor } from "@/tests/api/client";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { insertNotification } from "@/tests/fixtures-notifications";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { insertTask } from "@/tests/fixtures-tasks";
import { makeVisit } from "@/tests/fixtures-visits";
import { makeUser, twoSites, type TwoSites } from "@/tests/fixtures";

export const CALLERS = ["coordA", "invA", "coordB", "sponsor", "admin"] as const;
export type Caller = (typeof CALLERS)[number];

export type World = {
  f: TwoSites;
  tokens: Record<Caller, string>;
  /** Ids by the first segment of a REST path (`subjects`, `visits`, …), own site first. */
  ids: Record<string, string[]>;
  /** Every real id, for uuid fields in bodies. */
  uuids: string[];
  /** Site A's record for a uuid field of this name, so a well-typed body reaches the database. */
  byKey: Record<string, string>;
};

export async function buildWorld(): Promise<World> {
  // The per-user API limit would turn a fuzz run into a run of 429s.
  process.env.API_RATE_LIMIT_PER_MINUTE = "100000000";
  const f = await twoSites();
  await consentBoth(f);
  const db = await getDb();
  const subjectA2 = await addSubject(f, "A");
  const [studyC] = await db
    .insert(studies)
    .values({ protocolId: "C-001", title: "Study C", status: "recruiting", principalInvestigatorId: f.users.invA.id, siteId: f.siteA.id })
    .returning();
  const [item] = await db
    .insert(visitScheduleItems)
    .values({ studyId: studyC!.id, code: "W1", name: "Week 1", visitType: "treatment", dayOffset: 7, windowBefore: 1, windowAfter: 1, sortOrder: 1 })
    .returning();
  const screeningA = await addScreening(f.subjectA, f.users.coordA.id);
  const screeningB = await addScreening(f.subjectB, f.users.coordB.id);
  const visitA = await makeVisit(f, { scheduledAt: new Date("2030-01-05T15:00:00Z") });
  const visitB = await makeVisit(f, { scheduledAt: new Date("2030-01-05T15:00:00Z") }, "B");
  const aeA = await insertAe(f);
  const aeB = await insertAe(f, { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, reportedById: f.users.coordB.id });
  const [noteA, noteB] = await db
    .insert(subjectNotes)
    .values([
      { siteId: f.siteA.id, studyId: f.studyA.id, subjectId: f.subjectA.id, authorId: f.users.coordA.id, noteType: "general", noteText: "Called about the diary" },
      { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, authorId: f.users.coordB.id, noteType: "general", noteText: "Site B note" },
    ])
    .returning();
  const taskA = await insertTask(f);
  const taskB = await insertTask(f, {}, "B");
  const inboxA = await insertNotification(f.users.coordA.id);
  const inboxB = await insertNotification(f.users.coordB.id);
  const pending = await makeUser("fuzz_pending", "coordinator", f.siteA.id, "pending");
  const target = await makeUser("fuzz_target", "investigator", f.siteA.id);
  await tokenFor(target.id);
  const [targetToken] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.userId, target.id));
  const tokens = Object.fromEntries(await Promise.all(CALLERS.map(async (c) => [c, await tokenFor(f.users[c].id)] as const))) as Record<Caller, string>;
  const ids: Record<string, string[]> = {
    subjects: [subjectA2.id, f.subjectB.id],
    screenings: [screeningA.id, screeningB.id],
    visits: [visitA.id, visitB.id],
    "adverse-events": [aeA.id, aeB.id],
    "subject-notes": [noteA!.id, noteB!.id],
    studies: [studyC!.id, f.studyB.id],
    "schedule-items": [item!.id],
    sites: [f.siteB.id],
    users: [pending.id, target.id],
    tokens: [targetToken!.id],
    notifications: [inboxA.id, inboxB.id],
    tasks: [taskA.id, taskB.id],
  };
  const uuids = [...new Set([...Object.values(ids).flat(), f.siteA.id, f.subjectA.id, f.studyA.id, ...Object.values(f.users).map((u) => u.id)])];
  const byKey = {
    subjectId: f.subjectA.id,
    studyId: f.studyA.id,
    siteId: f.siteA.id,
    coordinatorId: f.users.coordA.id,
    assigneeId: f.users.coordA.id,
    principalInvestigatorId: f.users.invA.id,
    userId: target.id,
    entityId: f.subjectA.id,
  };
  return { f, tokens, ids, uuids, byKey };
}
