import { beforeAll, describe, expect, it } from "vitest";
import { adverseEvents, visits } from "@/db/schema";
import { countQueries, testDb, withTestDb } from "@/tests/db";
import { makeUser, twoSites } from "@/tests/fixtures";
import { addSubject } from "@/tests/fixtures-screening";
import { ForbiddenError } from "../errors";
import { DASHBOARD_LIST_LIMIT, getCoordinatorDashboard } from "./queries";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
// 15:00 UTC = 10:00 in New York (site A) on 2025-03-10.
const NOW = new Date("2025-03-10T15:00:00Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

async function addVisit(site: "A" | "B", subjectRef: { id: string; studyId: string; siteId: string }, values: Partial<typeof visits.$inferInsert>) {
  const db = await testDb();
  await db.insert(visits).values({
    siteId: subjectRef.siteId,
    studyId: subjectRef.studyId,
    subjectId: subjectRef.id,
    visitType: "treatment",
    scheduledAt: NOW,
    coordinatorId: site === "A" ? f.users.coordA.id : f.users.coordB.id,
    ...values,
  });
}

async function addAe(subjectRef: { id: string; studyId: string; siteId: string }, values: Partial<typeof adverseEvents.$inferInsert>) {
  const db = await testDb();
  await db.insert(adverseEvents).values({
    siteId: subjectRef.siteId,
    studyId: subjectRef.studyId,
    subjectId: subjectRef.id,
    eventTerm: "Headache",
    severity: "mild",
    serious: false,
    onsetDate: "2025-03-09",
    awareAt: hours(-2),
    reportedById: f.users.coordA.id,
    ...values,
  });
}

beforeAll(async () => {
  f = await twoSites();
  const a = f.subjectA;
  // Today at site A: 09:00 (done) and 14:00 (upcoming); 23:30 New York is still today (04:30 UTC tomorrow).
  await addVisit("A", a, { scheduledAt: hours(-1), visitStatus: "completed", completedAt: hours(-1) });
  await addVisit("A", a, { scheduledAt: hours(4) });
  await addVisit("A", a, { scheduledAt: new Date("2025-03-11T03:30:00Z") });
  await addVisit("A", a, { scheduledAt: hours(5), visitStatus: "canceled", statusReason: "Subject ill" });
  // Tomorrow at site A (00:30 New York on the 11th).
  await addVisit("A", a, { scheduledAt: new Date("2025-03-11T04:30:00Z") });
  // Overdue: scheduled, in the past.
  await addVisit("A", a, { scheduledAt: hours(-72) });
  // Out of window: scheduled on the 20th, window 1st–5th; and one done out of window (a deviation on
  // record, not on the dashboard).
  await addVisit("A", a, { scheduledAt: new Date("2025-03-20T14:00:00Z"), windowStart: "2025-03-01", windowEnd: "2025-03-05" });
  await addVisit("A", a, {
    scheduledAt: hours(-200),
    visitStatus: "completed",
    completedAt: hours(-200),
    windowStart: "2025-02-01",
    windowEnd: "2025-02-05",
  });
  // Site B's today and overdue never show at site A.
  await addVisit("B", f.subjectB, { scheduledAt: NOW });
  await addVisit("B", f.subjectB, { scheduledAt: hours(-48) });

  await addSubject(f, "A", { screeningStatus: "rescreen" });
  await addSubject(f, "A", { screeningStatus: "passed" });
  await addSubject(f, "A", { screeningStatus: "passed", status: "enrolled" });
  await addSubject(f, "A", { screeningStatus: "failed", status: "screen_failed" });

  await addAe(a, { status: "open" });
  await addAe(a, { status: "follow_up", eventTerm: "Nausea" });
  await addAe(a, { status: "resolved", eventTerm: "Rash" });
  await addAe(a, { serious: true, seriousnessCriteria: ["hospitalization"], eventTerm: "Pneumonia", awareAt: hours(-27) });
  await addAe(a, { serious: true, seriousnessCriteria: ["hospitalization"], eventTerm: "Fracture", awareAt: hours(-12) });
  await addAe(a, { serious: true, seriousnessCriteria: ["death"], eventTerm: "Reported", awareAt: hours(-30), sponsorNotifiedAt: hours(-29) });
  await addAe(f.subjectB, { status: "open", reportedById: f.users.coordB.id });
});

describe("the coordinator dashboard", () => {
  it("shows the site's day, overdue and out-of-window visits, queue counts, open AEs and SAE clocks", async () => {
    const d = await getCoordinatorDashboard(await f.actor(f.users.coordA.id), NOW);
    expect(d.today).toBe("2025-03-10");
    expect(d.todayVisits.total).toBe(3);
    expect(d.todayVisits.rows.map((v) => v.scheduledAt.toISOString())).toEqual([
      "2025-03-10T14:00:00.000Z",
      "2025-03-10T19:00:00.000Z",
      "2025-03-11T03:30:00.000Z",
    ]);
    // Overdue: past its time — or past its protocol window, even if booked later.
    expect(d.overdue.total).toBe(2);
    expect(d.overdue.rows[0]!.scheduledAt).toEqual(hours(-72));
    expect(d.outOfWindow.total).toBe(1);
    expect(d.outOfWindow.rows[0]).toMatchObject({ windowStart: "2025-03-01", windowEnd: "2025-03-05", subjectId: "A-01" });
    expect(d.screening).toEqual({ pending: 1, rescreen: 1, passed: 1, failed: 1 });
    expect(d.openAes).toMatchObject({ total: 5, openTotal: 4 });
    expect(d.seriousClocks.rows.map((r) => r.eventTerm)).toEqual(["Pneumonia", "Fracture"]);
  });

  it("answers from the actor's own site only", async () => {
    const d = await getCoordinatorDashboard(await f.actor(f.users.coordB.id), NOW);
    expect(d.todayVisits.total).toBe(1);
    expect(d.overdue.total).toBe(1);
    expect(d.openAes.total).toBe(1);
    expect(d.screening).toEqual({ pending: 1, rescreen: 0, passed: 0, failed: 0 });
    expect(d.seriousClocks.total).toBe(0);
  });

  it("takes the same seven bounded queries however much there is", async () => {
    const actor = await f.actor(f.users.invA.id);
    const before = await countQueries(() => getCoordinatorDashboard(actor, NOW));
    for (let i = 0; i < DASHBOARD_LIST_LIMIT + 4; i++) await addVisit("A", f.subjectA, { scheduledAt: hours(-100 - i) });
    const after = await countQueries(() => getCoordinatorDashboard(actor, NOW));
    expect(before.queries).toBe(7);
    expect(after.queries).toBe(7);
    expect(after.result.overdue.total).toBe(DASHBOARD_LIST_LIMIT + 6);
    expect(after.result.overdue.rows).toHaveLength(DASHBOARD_LIST_LIMIT);
  });

  it("is for site staff: sponsors, admins and pending accounts are refused", async () => {
    await expect(getCoordinatorDashboard(await f.actor(f.users.sponsor.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCoordinatorDashboard(await f.actor(f.users.admin.id))).rejects.toBeInstanceOf(ForbiddenError);
    const pending = await makeUser("pending_d", "coordinator", f.siteA.id, "pending");
    await expect(getCoordinatorDashboard(await f.actor(pending.id))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
