/**
 * "Show retired" on the web app's lists: retired records (entered in error) are out of every list
 * and total by default; `retired=include` lists them too, marked with who, when and why — always
 * inside the reader's scope, the reason withheld from sponsors.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { makeVisit } from "@/tests/fixtures-visits";
import { aeListSpec, listAdverseEvents } from "../adverse-events/queries";
import { siteToday } from "../dates";
import { retireRecord } from "../lifecycle/retire";
import { parseList } from "../list/params";
import { listScreeningQueue } from "../screenings/queries";
import { parseQueueParams } from "../screenings/queue-params";
import { parseSubjectList } from "../subjects/list-params";
import { listSubjects } from "../subjects/queries";
import { parseCalendarParams, rangeFor } from "../visits/calendar";
import { listFlaggedVisits, listVisitsInRange } from "../visits/queries";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
const ids = { subjectA: "", subjectB: "", screening: "", keptScreening: "", screenedSubject: "", visitA: "", visitB: "", overdueVisit: "", aeA: "", aeB: "" };

beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
  const [coordA, coordB] = await Promise.all([f.actor(f.users.coordA.id), f.actor(f.users.coordB.id)]);
  const retire = (actor: typeof coordA, entity: Parameters<typeof retireRecord>[1], id: string, reason: string) =>
    retireRecord(actor, entity, { id, version: 1, reason });

  // A subject of each site registered twice by mistake.
  const dupA = await addSubject(f, "A", { subjectId: "A-DUP" });
  const dupB = await addSubject(f, "B", { subjectId: "B-DUP" });
  await retire(coordA, "subject", dupA.id, "SITEA-duplicate registration");
  await retire(coordB, "subject", dupB.id, "SITEB-duplicate registration");
  // A subject in the queue with one screening kept and one retired.
  const screened = await addSubject(f, "A", { subjectId: "A-SCR", screeningStatus: "rescreen" });
  const kept = await addScreening(screened, f.users.coordA.id, { screeningStatus: "rescreen", screeningDate: "2025-01-12" });
  const wrong = await addScreening(screened, f.users.coordA.id, { screeningStatus: "failed", screeningDate: "2025-01-14", failReason: "x" });
  await retire(coordA, "screening", wrong.id, "SITEA-screening on the wrong subject");
  // A visit and an AE of each site.
  const tomorrow = new Date(Date.now() + 86_400_000);
  const [visitA, visitB] = await Promise.all([makeVisit(f, { scheduledAt: tomorrow }), makeVisit(f, { scheduledAt: tomorrow }, "B")]);
  await retire(coordA, "visit", visitA.id, "SITEA-visit booked twice");
  await retire(coordB, "visit", visitB.id, "SITEB-visit booked twice");
  const overdue = await makeVisit(f, { scheduledAt: new Date(Date.now() - 3 * 86_400_000) });
  await retire(coordA, "visit", overdue.id, "SITEA-overdue visit booked twice");
  const aeA = await insertAe(f);
  const aeB = await insertAe(f, { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, reportedById: f.users.coordB.id });
  await retire(coordA, "adverse_event", aeA.id, "SITEA-AE on the wrong subject");
  await retire(coordB, "adverse_event", aeB.id, "SITEB-AE on the wrong subject");
  Object.assign(ids, {
    subjectA: dupA.id,
    subjectB: dupB.id,
    screening: wrong.id,
    keptScreening: kept.id,
    screenedSubject: screened.id,
    visitA: visitA.id,
    visitB: visitB.id,
    overdueVisit: overdue.id,
    aeA: aeA.id,
    aeB: aeB.id,
  });
});

const who = { coordA: () => f.actor(f.users.coordA.id), sponsor: () => f.actor(f.users.sponsor.id), admin: () => f.actor(f.users.admin.id) };
const SHOW = { retired: "include" };

describe("the subject registry", () => {
  it("leaves retired subjects out of the rows and the total unless asked; then marks them", async () => {
    const coordA = await who.coordA();
    const plain = await listSubjects(coordA, parseSubjectList({}));
    expect(plain.rows.map((r) => r.id)).not.toContain(ids.subjectA);
    const shown = await listSubjects(coordA, parseSubjectList(SHOW));
    expect(shown.total).toBe(plain.total + 1);
    const row = shown.rows.find((r) => r.id === ids.subjectA)!;
    expect(row).toMatchObject({ retireReason: "SITEA-duplicate registration", retiredById: f.users.coordA.id });
    expect(row.retiredAt).toBeInstanceOf(Date);
    expect(shown.rows.filter((r) => r.id !== ids.subjectA).every((r) => r.retiredAt === null)).toBe(true);
    // An unknown value is no filter at all: the default.
    expect((await listSubjects(coordA, parseSubjectList({ retired: "yes" }))).total).toBe(plain.total);
  });

  it("keeps the scope: another site's retired subject never appears; a sponsor sees their studies' without the reason", async () => {
    const coordA = await listSubjects(await who.coordA(), parseSubjectList(SHOW));
    expect(coordA.rows.map((r) => r.id)).not.toContain(ids.subjectB);
    const sponsor = await listSubjects(await who.sponsor(), parseSubjectList(SHOW));
    expect(sponsor.rows.map((r) => r.id)).not.toContain(ids.subjectB);
    const row = sponsor.rows.find((r) => r.id === ids.subjectA)!;
    expect(row.retiredAt).toBeInstanceOf(Date);
    expect(row.retireReason).toBeNull();
    expect(JSON.stringify(sponsor)).not.toContain("SITEA-");
    const admin = await listSubjects(await who.admin(), parseSubjectList(SHOW));
    expect(admin.rows.map((r) => r.id)).toEqual(expect.arrayContaining([ids.subjectA, ids.subjectB]));
  });
});

describe("the screening queue", () => {
  it("lists a subject's retired screenings under it, and retired subjects, only when asked", async () => {
    const coordA = await who.coordA();
    const plain = await listScreeningQueue(coordA, parseQueueParams({}));
    expect(plain.rows.map((r) => r.id)).not.toContain(ids.subjectA);
    const screened = plain.rows.find((r) => r.id === ids.screenedSubject)!;
    expect(screened.latest?.id).toBe(ids.keptScreening);
    expect(screened.retiredScreenings).toEqual([]);

    const shown = await listScreeningQueue(coordA, parseQueueParams(SHOW));
    expect(shown.total).toBe(plain.total + 1);
    expect(shown.rows.find((r) => r.id === ids.subjectA)?.retireReason).toBe("SITEA-duplicate registration");
    const withRetired = shown.rows.find((r) => r.id === ids.screenedSubject)!;
    // The latest screening is still the one in use; the retired one is listed apart.
    expect(withRetired.latest?.id).toBe(ids.keptScreening);
    expect(withRetired.retiredScreenings).toEqual([
      { id: ids.screening, screeningDate: "2025-01-14", screeningStatus: "failed", retireReason: "SITEA-screening on the wrong subject" },
    ]);
  });

  it("withholds the reason from sponsors", async () => {
    const shown = await listScreeningQueue(await who.sponsor(), parseQueueParams(SHOW));
    expect(shown.rows.find((r) => r.id === ids.screenedSubject)!.retiredScreenings).toEqual([
      { id: ids.screening, screeningDate: "2025-01-14", screeningStatus: "failed", retireReason: null },
    ]);
    expect(JSON.stringify(shown)).not.toContain("SITEA-");
  });
});

describe("the visit calendar", () => {
  it("shows retired visits in a range and in flag lists only when asked, within the scope", async () => {
    const coordA = await who.coordA();
    const tz = "America/New_York";
    const today = siteToday(tz);
    const params = { view: "agenda", date: today };
    const range = (extra: Record<string, string>) => {
      const state = parseCalendarParams({ ...params, ...extra }, tz);
      return listVisitsInRange(coordA, { ...rangeFor(state.view, state.date), filters: state.filters });
    };
    expect((await range({})).rows.map((r) => r.id)).not.toContain(ids.visitA);
    const shown = await range(SHOW);
    const row = shown.rows.find((r) => r.id === ids.visitA)!;
    expect(row.retireReason).toBe("SITEA-visit booked twice");
    expect(shown.rows.map((r) => r.id)).not.toContain(ids.visitB);
    const sponsorRows = (
      await listVisitsInRange(await who.sponsor(), { ...rangeFor("agenda", today), filters: { retired: "include" } })
    ).rows;
    expect(sponsorRows.find((r) => r.id === ids.visitA)?.retireReason).toBeNull();
    expect(sponsorRows.map((r) => r.id)).not.toContain(ids.visitB);
    // A flag list takes the same filter.
    const overdue = (filters: { retired?: "include" }) => listFlaggedVisits(coordA, { flag: "overdue", filters });
    expect((await overdue({})).rows.map((r) => r.id)).not.toContain(ids.overdueVisit);
    expect((await overdue({ retired: "include" })).rows.find((r) => r.id === ids.overdueVisit)?.retireReason).toBe("SITEA-overdue visit booked twice");
  });
});

describe("the AE list", () => {
  it("shows retired AEs only when asked, with the reason; never another site's", async () => {
    const coordA = await who.coordA();
    const plain = await listAdverseEvents(coordA, parseList({}, aeListSpec));
    expect(plain.rows.map((r) => r.id)).not.toContain(ids.aeA);
    const shown = await listAdverseEvents(coordA, parseList(SHOW, aeListSpec));
    expect(shown.total).toBe(plain.total + 1);
    expect(shown.rows.find((r) => r.id === ids.aeA)?.retireReason).toBe("SITEA-AE on the wrong subject");
    expect(shown.rows.map((r) => r.id)).not.toContain(ids.aeB);
    const sponsor = await listAdverseEvents(await who.sponsor(), parseList(SHOW, aeListSpec));
    expect(sponsor.rows.map((r) => r.id)).toEqual([ids.aeA]);
    expect(sponsor.rows[0]!.retireReason).toBeNull();
  });
});
