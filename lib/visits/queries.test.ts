import { beforeAll, describe, expect, it } from "vitest";
import { subjects } from "@/db/schema";
import { countQueries, testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { makeVisit } from "@/tests/fixtures-visits";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { rescheduleVisit } from "./reschedule";
import { getVisit, listFlaggedVisits, listSchedulableSubjects, listVisitHistory, listVisitsInRange } from "./queries";

withTestDb();

// Tuesday 10 March 2026, 11:00 in New York (EDT, UTC-4 since Sunday 8 March), 15:00 in London.
const NOW = new Date("2026-03-10T15:00:00Z");
let f: Awaited<ReturnType<typeof twoSites>>;
type Key = "sunLate" | "monEarly" | "monNoon" | "sunLast" | "nextMon" | "canceled" | "doneLate" | "outside" | "siteB";
const v = {} as Record<Key, string>;

beforeAll(async () => {
  f = await twoSites();
  const at = (iso: string) => new Date(iso);
  // Around the edges of the New York week Mon 9 – Sun 15 March.
  v.sunLate = (await makeVisit(f, { scheduledAt: at("2026-03-09T03:30:00Z") })).id; // Sun 8, 23:30 EDT
  v.monEarly = (await makeVisit(f, { scheduledAt: at("2026-03-09T04:30:00Z"), location: "Room 1" })).id; // Mon 9, 00:30
  v.monNoon = (await makeVisit(f, { scheduledAt: at("2026-03-09T16:00:00Z"), visitStatus: "completed", completedAt: at("2026-03-09T17:00:00Z"), windowStart: "2026-03-09", windowEnd: "2026-03-11" })).id;
  v.sunLast = (await makeVisit(f, { scheduledAt: at("2026-03-16T03:59:00Z") })).id; // Sun 15, 23:59
  v.nextMon = (await makeVisit(f, { scheduledAt: at("2026-03-16T04:00:00Z") })).id; // Mon 16, 00:00
  v.canceled = (await makeVisit(f, { scheduledAt: at("2026-03-12T14:00:00Z"), visitStatus: "canceled", statusReason: "Alice's car broke down" })).id;
  // Flags: done after its window closed; scheduled outside its window; a window that closed yesterday.
  v.doneLate = (await makeVisit(f, { scheduledAt: at("2026-03-02T14:00:00Z"), visitStatus: "completed", completedAt: at("2026-03-06T14:00:00Z"), windowStart: "2026-03-01", windowEnd: "2026-03-03" })).id;
  v.outside = (await makeVisit(f, { scheduledAt: at("2026-03-20T14:00:00Z"), windowStart: "2026-03-10", windowEnd: "2026-03-14" })).id;
  // Site B: 00:30 in London on Tue 10 March is still Monday 9 in New York.
  v.siteB = (await makeVisit(f, { scheduledAt: at("2026-03-10T00:30:00Z") }, "B")).id;
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("listVisitsInRange", () => {
  it("returns only the visits on the site-local days asked for, in time order, in one query", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const { result, queries } = await countQueries(() => listVisitsInRange(coord, { from: "2026-03-09", to: "2026-03-15", now: NOW }));
    expect(queries).toBe(1);
    // The monday-early/sunday-late/sunday-last edges fall on the New York side of midnight.
    expect(ids(result.rows)).toEqual([v.monEarly, v.monNoon, v.canceled, v.sunLast]);
    expect(result.rows.map((r) => r.localDay)).toEqual(["2026-03-09", "2026-03-09", "2026-03-12", "2026-03-15"]);
    expect(result.total).toBe(4);
    expect(result.dayTotals).toEqual({ "2026-03-09": 2, "2026-03-12": 1, "2026-03-15": 1 });
    expect(result.rows[0]).toMatchObject({ subjectCode: "A-01", subjectName: "Alice Anders", protocolId: "A-001", coordinatorName: "coord_a Person", location: "Room 1" });
  });

  it("reads days in the actor's own site zone (London for site B)", async () => {
    const coordB = await f.actor(f.users.coordB.id);
    const tue = await listVisitsInRange(coordB, { from: "2026-03-10", to: "2026-03-10", now: NOW });
    expect(ids(tue.rows)).toEqual([v.siteB]);
    expect(tue.rows[0]!.localDay).toBe("2026-03-10");
    expect((await listVisitsInRange(coordB, { from: "2026-03-09", to: "2026-03-09", now: NOW })).rows).toEqual([]);
  });

  it("keeps the first visits of each day for a grid but counts them all; paginates", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const grid = await listVisitsInRange(coord, { from: "2026-03-09", to: "2026-03-15", perDay: 1, now: NOW });
    expect(ids(grid.rows)).toEqual([v.monEarly, v.canceled, v.sunLast]);
    expect(grid.dayTotals["2026-03-09"]).toBe(2);
    expect(grid.total).toBe(4);
    const page2 = await listVisitsInRange(coord, { from: "2026-03-09", to: "2026-03-15", page: 2, pageSize: 3, now: NOW });
    expect(ids(page2.rows)).toEqual([v.sunLast]);
    expect(page2).toMatchObject({ page: 2, pageCount: 2, total: 4 });
  });

  it("filters by status, study and coordinator", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const range = { from: "2026-03-09", to: "2026-03-15", now: NOW };
    expect(ids((await listVisitsInRange(coord, { ...range, filters: { visitStatus: "canceled" } })).rows)).toEqual([v.canceled]);
    expect((await listVisitsInRange(coord, { ...range, filters: { studyId: f.studyB.id } })).rows).toEqual([]);
    expect((await listVisitsInRange(coord, { ...range, filters: { coordinatorId: f.users.invA.id } })).rows).toEqual([]);
  });

  it("de-identifies for sponsors and shows them only granted studies; admins see every site", async () => {
    const sponsor = await f.actor(f.users.sponsor.id);
    const rows = (await listVisitsInRange(sponsor, { from: "2026-03-09", to: "2026-03-15", now: NOW })).rows;
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.subjectName === null && r.statusReason === null)).toBe(true);
    const admin = await f.actor(f.users.admin.id);
    // Admins have no site: their calendar is in UTC, where site B's visit is on Tuesday 10.
    expect(ids((await listVisitsInRange(admin, { from: "2026-03-10", to: "2026-03-10", now: NOW })).rows)).toEqual([v.siteB]);
  });

  it("refuses a reversed, too long or malformed range", async () => {
    const coord = await f.actor(f.users.coordA.id);
    await expect(listVisitsInRange(coord, { from: "2026-03-15", to: "2026-03-09" })).rejects.toBeInstanceOf(ValidationError);
    await expect(listVisitsInRange(coord, { from: "2026-01-01", to: "2026-06-01" })).rejects.toBeInstanceOf(ValidationError);
    await expect(listVisitsInRange(coord, { from: "2026-02-30", to: "2026-03-02" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("flags overdue and out-of-window visits in the rows", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const rows = (await listVisitsInRange(coord, { from: "2026-03-01", to: "2026-03-31", now: NOW })).rows;
    const flags = Object.fromEntries(rows.map((r) => [r.id, [r.overdue, r.outOfWindow]]));
    expect(flags[v.monEarly]).toEqual([true, false]); // scheduled, its time passed
    expect(flags[v.monNoon]).toEqual([false, false]); // done inside its window
    expect(flags[v.doneLate]).toEqual([false, true]); // done after the window closed
    expect(flags[v.outside]).toEqual([false, true]); // planned after the window closes…
    expect(flags[v.canceled]).toEqual([false, false]);
    expect(flags[v.sunLast]).toEqual([false, false]);
  });
});

describe("listFlaggedVisits", () => {
  it("lists overdue visits oldest first and out-of-window visits newest first, site-scoped", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const overdue = await listFlaggedVisits(coord, { flag: "overdue", now: NOW });
    expect(ids(overdue.rows)).toEqual([v.sunLate, v.monEarly]);
    const outside = await listFlaggedVisits(coord, { flag: "out_of_window", now: NOW });
    expect(ids(outside.rows)).toEqual([v.outside, v.doneLate]);
    // …and once its window has closed, the late-planned one is overdue too.
    const later = await listFlaggedVisits(coord, { flag: "overdue", now: new Date("2026-03-15T15:00:00Z") });
    expect(ids(later.rows)).toContain(v.outside);
    expect((await listFlaggedVisits(await f.actor(f.users.coordB.id), { flag: "out_of_window", now: NOW })).rows).toEqual([]);
    await expect(listFlaggedVisits(coord, { flag: "late" as never })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("getVisit and its history", () => {
  it("gives the site's visit, 'not found' across sites or for a bad id, de-identified for sponsors", async () => {
    const coord = await f.actor(f.users.coordA.id);
    expect(await getVisit(coord, v.canceled, NOW)).toMatchObject({ id: v.canceled, subjectName: "Alice Anders", statusReason: "Alice's car broke down", siteTimezone: "America/New_York" });
    await expect(getVisit(await f.actor(f.users.coordB.id), v.canceled)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVisit(coord, v.siteB)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVisit(coord, "1; drop table visits")).rejects.toBeInstanceOf(NotFoundError);
    expect(await getVisit(await f.actor(f.users.sponsor.id), v.canceled)).toMatchObject({ subjectName: null, statusReason: null });
  });

  it("lists the audit trail of a visit: reschedules with the reason", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const visit = await makeVisit(f, { scheduledAt: new Date("2026-03-25T14:00:00Z") });
    await rescheduleVisit(coord, { id: visit.id, version: 1, scheduledAt: "2026-03-26T10:00", reason: "Alice asked" }, NOW);
    const history = await listVisitHistory(coord, visit.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "reschedule", reason: "Alice asked", actorName: "coord_a Person" });
    const sponsorView = await listVisitHistory(await f.actor(f.users.sponsor.id), visit.id);
    expect(sponsorView[0]!.reason).toBe("[withheld]");
    await expect(listVisitHistory(await f.actor(f.users.coordB.id), visit.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listSchedulableSubjects", () => {
  it("offers the site's subjects in screening or enrolled, searchable, the preselected one included", async () => {
    const db = await testDb();
    await db.insert(subjects).values([
      { siteId: f.siteA.id, studyId: f.studyA.id, subjectId: "A-02", fullName: "Amy Active", coordinatorId: f.users.invA.id, status: "enrolled" },
      { siteId: f.siteA.id, studyId: f.studyA.id, subjectId: "A-03", fullName: "Art Failed", coordinatorId: f.users.coordA.id, status: "screen_failed" },
    ]);
    const coord = await f.actor(f.users.coordA.id);
    const all = await listSchedulableSubjects(coord);
    expect(all.options.map((o) => o.label)).toEqual(["A-01 · Alice Anders (A-001)", "A-02 · Amy Active (A-001)"]);
    expect(all.options[1]!.coordinatorId).toBe(f.users.invA.id);
    const amy = await listSchedulableSubjects(coord, { q: "amy" });
    expect(amy.options.map((o) => o.label)).toEqual(["A-02 · Amy Active (A-001)"]);
    const withPreselected = await listSchedulableSubjects(coord, { q: "amy", includeId: f.subjectA.id });
    expect(withPreselected.options).toHaveLength(2);
    expect((await listSchedulableSubjects(await f.actor(f.users.coordB.id))).options.map((o) => o.label)).toEqual(["B-01 · Bob Brown (B-001)"]);
    await expect(listSchedulableSubjects(await f.actor(f.users.sponsor.id))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
