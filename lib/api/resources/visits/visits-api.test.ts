import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { visits, type Visit } from "@/db/schema";
import { countQueries, withTestDb } from "@/tests/db";
import { makeUser, twoSites } from "@/tests/fixtures";
import { addSubject } from "@/tests/fixtures-screening";
import { makeVisit, writeCounts } from "@/tests/fixtures-visits";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";
import { visitReader } from "./queries";
import { VisitListQuery } from "./schema";

withTestDb();

type Fixture = Awaited<ReturnType<typeof twoSites>>;

const HOSTILE = `<img src=x onerror=alert(1)>'); DELETE FROM visits; --`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant relative to the real clock (the lib checks times against it), to the minute. */
const fromNow = (ms: number) => new Date(Math.floor((Date.now() + ms) / 60_000) * 60_000);

let f: Fixture;
let sponsorNone: { id: string };
let v: Record<"inWindow" | "lateEveningLocal" | "late" | "completedLate" | "missed" | "canceled" | "unplanned" | "foreign", Visit>;

beforeAll(async () => {
  f = await twoSites();
  sponsorNone = await makeUser("sponsor_none_v", "sponsor", null);
  const window = { windowStart: "2025-06-08", windowEnd: "2025-06-10" };
  // Site A is in New York: its day, not UTC's, decides the out-of-window flag.
  v = {
    inWindow: await makeVisit(f, { scheduledAt: new Date("2025-06-09T14:00:00Z"), ...window }),
    lateEveningLocal: await makeVisit(f, { scheduledAt: new Date("2025-06-11T02:00:00Z"), ...window }),
    late: await makeVisit(f, { scheduledAt: new Date("2025-06-12T14:00:00Z"), ...window }),
    completedLate: await makeVisit(f, { scheduledAt: new Date("2025-06-09T15:00:00Z"), visitStatus: "completed", completedAt: new Date("2025-06-14T15:00:00Z"), ...window }),
    missed: await makeVisit(f, { scheduledAt: new Date("2025-06-20T14:00:00Z"), visitStatus: "missed", statusReason: "Her daughter called", ...window }),
    canceled: await makeVisit(f, { scheduledAt: new Date("2025-06-15T14:00:00Z"), visitStatus: "canceled", statusReason: "Moved to Ohio with Dr. Jones", visitType: "follow_up" }),
    unplanned: await makeVisit(f, { scheduledAt: new Date("2025-06-16T14:00:00Z"), visitType: "unscheduled", location: "Room 4" }),
    foreign: await makeVisit(f, { scheduledAt: new Date("2025-06-10T10:00:00Z") }, "B"),
  };
});

const ids = (data: { id: string }[] | undefined) => (data ?? []).map((x) => x.id);
const siteAInOrder = () => [v.inWindow, v.completedLate, v.lateEveningLocal, v.late, v.canceled, v.unplanned, v.missed].map((x) => x.id);

describe("REST /visits: reading", () => {
  it("lists the caller's site by time, with the out-of-window flag in site time and embeds from one query", async () => {
    const api = await clientFor(f.users.coordA.id);
    const { data, response } = await api.GET("/api/v1/visits", { params: { query: { include: "subject,study,coordinator" } } });
    expect(response.status).toBe(200);
    expect(ids(data!.data)).toEqual(siteAInOrder());
    const byId = new Map(data!.data.map((x) => [x.id, x]));
    expect(byId.get(v.inWindow.id)).toMatchObject({
      visitStatus: "scheduled",
      visitType: "treatment",
      scheduledAt: "2025-06-09T14:00:00.000Z",
      windowStart: "2025-06-08",
      windowEnd: "2025-06-10",
      completedAt: null,
      outOfWindow: false,
      subjectId: f.subjectA.id,
      studyId: f.studyA.id,
      siteId: f.siteA.id,
      coordinatorId: f.users.coordA.id,
      version: 1,
      subject: { id: f.subjectA.id, subjectId: "A-01", fullName: "Alice Anders" },
      study: { protocolId: "A-001" },
      coordinator: { username: "coord_a" },
    });
    // 22:00 on June 10 in New York (already June 11 in UTC) is inside the window.
    expect(byId.get(v.lateEveningLocal.id)!.outOfWindow).toBe(false);
    expect(byId.get(v.late.id)!.outOfWindow).toBe(true);
    expect(byId.get(v.completedLate.id)).toMatchObject({ outOfWindow: true, completedAt: "2025-06-14T15:00:00.000Z" });
    expect(byId.get(v.missed.id)).toMatchObject({ outOfWindow: false, statusReason: "Her daughter called" });
    expect(byId.get(v.unplanned.id)).toMatchObject({ outOfWindow: false, windowStart: null, location: "Room 4" });

    const actor = await f.actor(f.users.coordA.id);
    const query = VisitListQuery.parse({ include: "subject,study,coordinator", visitStatus: "scheduled", scheduledFrom: "2025-06-01T00:00:00Z", scheduledTo: "2025-06-30T00:00:00Z", limit: "200" });
    const { queries, bookkeeping, result } = await countQueries(() => visitReader.list(actor, query));
    expect(queries).toBe(1);
    // …and one statement on the bookkeeping pool: the identified records handed over, counted for
    // the paging-as-export audit (lib/export/paging-audit.ts).
    expect(bookkeeping).toBe(1);
    expect(result.data).toHaveLength(4);
  });

  it("filters by study, subject, status, type and a time range (zones honoured, end exclusive), and orders by each field", async () => {
    const api = await clientFor(f.users.admin.id);
    const list = async (query: Record<string, string>) => {
      const { data, response } = await api.GET("/api/v1/visits", { params: { query } });
      expect(response.status).toBe(200);
      return ids(data!.data);
    };
    expect(await list({ studyId: f.studyB.id })).toEqual([v.foreign.id]);
    expect(await list({ subjectId: f.subjectB.id })).toEqual([v.foreign.id]);
    expect(await list({ subjectId: f.subjectA.id })).toEqual(siteAInOrder());
    expect(await list({ visitStatus: "canceled" })).toEqual([v.canceled.id]);
    expect(await list({ visitStatus: "scheduled", studyId: f.studyA.id })).toEqual([v.inWindow.id, v.lateEveningLocal.id, v.late.id, v.unplanned.id]);
    expect(await list({ visitType: "unscheduled" })).toEqual([v.unplanned.id]);
    expect(await list({ visitType: "follow_up", visitStatus: "scheduled" })).toEqual([]);
    // June 10 in New York: 04:00Z (inclusive) up to 04:00Z on June 11 (exclusive).
    expect(await list({ scheduledFrom: "2025-06-10T00:00:00-04:00", scheduledTo: "2025-06-11T00:00:00-04:00" })).toEqual([v.foreign.id, v.lateEveningLocal.id]);
    expect(await list({ scheduledFrom: "2025-06-09T14:00:00Z", scheduledTo: "2025-06-09T15:00:00Z" })).toEqual([v.inWindow.id]);
    expect(await list({ scheduledFrom: "2025-06-16T14:00:00Z" })).toEqual([v.unplanned.id, v.missed.id]);
    expect(await list({ scheduledTo: "2025-06-09T15:00:00.001Z" })).toEqual([v.inWindow.id, v.completedLate.id]);
    expect(await list({ order: "-scheduledAt", studyId: f.studyA.id })).toEqual([...siteAInOrder()].reverse());
    const created = Object.values(v).map((x) => x.id);
    expect((await list({ order: "createdAt" })).filter((id) => created.includes(id))).toEqual(created);
    expect((await list({ order: "-updatedAt" })).filter((id) => created.includes(id))).toEqual([...created].reverse());
  });

  it("gets one visit with embeds; another site's, a malformed id and no token are refused", async () => {
    const api = await clientFor(f.users.invA.id);
    const one = await api.GET("/api/v1/visits/{id}", { params: { path: { id: v.completedLate.id }, query: { include: "coordinator" } } });
    expect(one.response.status).toBe(200);
    expect(one.data).toMatchObject({ id: v.completedLate.id, visitStatus: "completed", outOfWindow: true, coordinator: { username: "coord_a" } });
    expect(one.data!.subject).toBeUndefined();
    const foreign = await api.GET("/api/v1/visits/{id}", { params: { path: { id: v.foreign.id } } });
    expect(foreign.response.status).toBe(404);
    expect(foreign.response.headers.get("content-type")).toBe("application/problem+json");
    expect((await api.GET("/api/v1/visits/{id}", { params: { path: { id: "x' or '1'='1" } } })).response.status).toBe(404);
    expect((await apiClient().GET("/api/v1/visits/{id}", { params: { path: { id: v.inWindow.id } } })).response.status).toBe(401);
  });

  it("pages without repeats or gaps while visits are scheduled meanwhile", async () => {
    const subject = await addSubject(f, "A");
    const db = await getDb();
    const insert = async (at: string) => {
      const [row] = await db
        .insert(visits)
        .values({ siteId: subject.siteId, studyId: subject.studyId, subjectId: subject.id, coordinatorId: subject.coordinatorId, visitType: "treatment", scheduledAt: new Date(at) })
        .returning();
      return row!;
    };
    const before: Visit[] = [];
    for (const at of ["2025-07-01T10:00:00Z", "2025-07-02T10:00:00Z", "2025-07-02T10:00:00Z", "2025-07-02T10:00:00Z", "2025-07-03T10:00:00Z", "2025-07-04T10:00:00Z", "2025-07-05T10:00:00Z"]) {
      before.push(await insert(at));
    }
    const api = await clientFor(f.users.coordA.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let inserted = 0;
    do {
      const { data, response } = await api.GET("/api/v1/visits", {
        params: { query: { subjectId: subject.id, visitStatus: "scheduled", order: "scheduledAt", limit: 2, ...(cursor ? { cursor } : {}) } },
      });
      expect(response.status).toBe(200);
      seen.push(...ids(data!.data));
      cursor = data!.nextCursor ?? undefined;
      await insert(["2025-06-30T10:00:00Z", "2025-07-02T10:00:00Z", "2025-07-09T10:00:00Z"][inserted % 3]!);
      inserted++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const wanted = before.map((x) => x.id);
    const expected = [...before].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || (a.id < b.id ? -1 : 1)).map((x) => x.id);
    expect(seen.filter((id) => wanted.includes(id))).toEqual(expected);
  });

  it("refuses bad query parameters with a 400 problem naming the parameter", async () => {
    const token = await tokenFor(f.users.coordA.id);
    for (const query of [
      "scheduledFrom=2025-02-30T00:00:00Z",
      "scheduledFrom=2025-06-01T00:00:00",
      "scheduledTo=2025-06-01",
      "scheduledFrom=2025-06-02T00:00:00Z&scheduledTo=2025-06-01T00:00:00Z",
      "visitStatus=done",
      "visitType=<b>x</b>",
      "subjectId=1';--",
      "order=-location",
      "include=coordinator,site",
      "limit=abc",
      "cursor=%27%3B--",
      "statusReason=x",
    ]) {
      const res = await rawCall("GET", `/visits?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.type).toBe("application/problem+json");
      expect((res.body!.errors as { pointer: string }[]).length, query).toBeGreaterThan(0);
    }
  });
});

describe("REST /visits: writing", () => {
  it("schedules a visit through the lib, storing SQL/HTML-looking text verbatim", async () => {
    const api = await clientFor(f.users.coordA.id);
    const at = fromNow(7 * DAY);
    const created = await api.POST("/api/v1/visits", { body: { subjectId: f.subjectA.id, visitType: "unscheduled", scheduledAt: at.toISOString(), location: HOSTILE } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({
      subjectId: f.subjectA.id,
      visitType: "unscheduled",
      visitStatus: "scheduled",
      scheduledAt: at.toISOString(),
      location: HOSTILE,
      coordinatorId: f.users.coordA.id,
      windowStart: null,
      outOfWindow: false,
      version: 1,
    });
    const again = await api.GET("/api/v1/visits/{id}", { params: { path: { id: created.data!.id } } });
    expect(again.data!.location).toBe(HOSTILE);
    // A site-local time is read in the site's zone (New York, UTC-4 in July).
    const local = await api.POST("/api/v1/visits", { body: { subjectId: f.subjectA.id, visitType: "treatment", scheduledAt: `${new Date().getUTCFullYear() + 1}-07-01T09:30`, location: null, coordinatorId: f.users.invA.id } });
    expect(local.response.status).toBe(201);
    expect(local.data).toMatchObject({ scheduledAt: `${new Date().getUTCFullYear() + 1}-07-01T13:30:00.000Z`, coordinatorId: f.users.invA.id });
  });

  it("reschedules with a reason, refuses a stale version with the API record, and keeps one change per request", async () => {
    const visit = await makeVisit(f, { scheduledAt: fromNow(3 * DAY) });
    const api = await clientFor(f.users.invA.id);
    const path = { params: { path: { id: visit.id } } };
    const to = fromNow(5 * DAY);
    const moved = await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 1, scheduledAt: to.toISOString(), reason: HOSTILE } });
    expect(moved.response.status).toBe(200);
    expect(moved.data).toMatchObject({ scheduledAt: to.toISOString(), visitStatus: "scheduled", version: 2 });

    const stale = await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 1, visitStatus: "canceled", reason: "late" } });
    expect(stale.response.status).toBe(409);
    expect((stale.error as { current: Record<string, unknown> }).current).toMatchObject({ id: visit.id, version: 2, scheduledAt: to.toISOString(), outOfWindow: false, statusReason: null });

    const before = await writeCounts();
    const mixed = await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 2, visitStatus: "canceled", reason: "x", scheduledAt: fromNow(6 * DAY).toISOString() } });
    expect(mixed.response.status).toBe(422);
    expect((mixed.error as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toContain("#/visitStatus");
    expect((await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 2, completedAt: fromNow(-HOUR).toISOString() } })).response.status).toBe(422);
    expect((await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 2, reason: "nothing" } })).response.status).toBe(422);
    expect((await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 2, scheduledAt: fromNow(6 * DAY).toISOString() } })).response.status).toBe(422);
    expect((await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 2, visitStatus: "canceled" } })).response.status).toBe(422);
    expect((await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 2, visitStatus: "missed" } })).response.status).toBe(422);
    expect(await writeCounts()).toEqual(before);

    const canceled = await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 2, visitStatus: "canceled", reason: HOSTILE } });
    expect(canceled.response.status).toBe(200);
    expect(canceled.data).toMatchObject({ visitStatus: "canceled", statusReason: HOSTILE, version: 3 });
    // Closed visits are final.
    expect((await api.PATCH("/api/v1/visits/{id}", { ...path, body: { version: 3, visitStatus: "completed" } })).response.status).toBe(422);
  });

  it("completes and marks missed through the lib", async () => {
    const api = await clientFor(f.users.coordA.id);
    const done = await makeVisit(f, { scheduledAt: fromNow(-3 * HOUR), windowStart: "2020-01-01", windowEnd: "2020-01-02" });
    const completedAt = fromNow(-2 * HOUR).toISOString();
    const completed = await api.PATCH("/api/v1/visits/{id}", { params: { path: { id: done.id } }, body: { version: 1, visitStatus: "completed", completedAt } });
    expect(completed.response.status).toBe(200);
    expect(completed.data).toMatchObject({ visitStatus: "completed", completedAt, outOfWindow: true, version: 2 });

    const future = await makeVisit(f, { scheduledAt: fromNow(-HOUR) });
    const before = await writeCounts();
    const ahead = await api.PATCH("/api/v1/visits/{id}", { params: { path: { id: future.id } }, body: { version: 1, visitStatus: "completed", completedAt: fromNow(DAY).toISOString() } });
    expect(ahead.response.status).toBe(422);
    expect((ahead.error as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toContain("#/completedAt");
    expect((await api.PATCH("/api/v1/visits/{id}", { params: { path: { id: future.id } }, body: { version: 1, visitStatus: "completed", completedAt: "2025-02-30T10:00:00Z" } })).response.status).toBe(422);
    expect((await api.PATCH("/api/v1/visits/{id}", { params: { path: { id: future.id } }, body: { version: 1, visitStatus: "completed", reason: "x" } })).response.status).toBe(422);
    expect(await writeCounts()).toEqual(before);

    const missed = await api.PATCH("/api/v1/visits/{id}", { params: { path: { id: future.id } }, body: { version: 1, visitStatus: "missed" } });
    expect(missed.response.status).toBe(200);
    expect(missed.data).toMatchObject({ visitStatus: "missed", statusReason: null, version: 2 });
  });

  it("refuses bad bodies with 4xx problem+json naming the fields, and writes nothing", async () => {
    const token = await tokenFor(f.users.coordA.id);
    const before = await writeCounts();
    const post = (body: unknown) => rawCall("POST", "/visits", { token, body: JSON.stringify(body) });
    const wrong = await post({ subjectId: "nope", visitType: "party", scheduledAt: 12, location: "a".repeat(201), coordinatorId: 3, extra: "x" });
    expect(wrong.status).toBe(422);
    expect(wrong.type).toBe("application/problem+json");
    expect((wrong.body!.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(
      expect.arrayContaining(["#/subjectId", "#/visitType", "#/scheduledAt", "#/location", "#/coordinatorId"]),
    );
    const ok = { subjectId: f.subjectA.id, visitType: "treatment", location: null };
    const year = new Date().getUTCFullYear() + 1;
    for (const scheduledAt of [`${year}-02-30T10:00:00Z`, `${year}-13-01T10:00`, "tomorrow", `${year + 10}-01-01T10:00:00Z`, "2000-01-01T10:00:00Z"]) {
      const res = await post({ ...ok, scheduledAt });
      expect(res.status, scheduledAt).toBe(422);
      expect((res.body!.errors as { pointer: string }[]).map((e) => e.pointer), scheduledAt).toContain("#/scheduledAt");
    }
    expect((await post({ ...ok, scheduledAt: fromNow(DAY).toISOString(), coordinatorId: f.users.coordB.id })).status).toBe(422);
    expect((await post({ ...ok, scheduledAt: fromNow(DAY).toISOString(), location: "a".repeat(1024 * 1024) })).status).toBe(413);
    expect((await rawCall("POST", "/visits", { token, body: "[1," })).status).toBe(400);
    expect((await rawCall("POST", "/visits", { token, body: "<visit/>", contentType: "application/xml" })).status).toBe(415);
    const patch = (body: unknown) => rawCall("PATCH", `/visits/${v.inWindow.id}`, { token, body: JSON.stringify(body) });
    expect((await patch({ version: 1, visitStatus: "postponed" })).status).toBe(422);
    expect((await patch({ version: 1, location: "Room 9" })).status).toBe(422);
    expect((await patch({ version: 0, visitStatus: "canceled", reason: "x" })).status).toBe(422);
    expect((await patch({ version: 1, visitStatus: "canceled", reason: "a".repeat(1001) })).status).toBe(422);
    expect(await writeCounts()).toEqual(before);
  });
});

describe("REST /visits: roles and sites", () => {
  it("lets site staff read and write their own site only; sponsors and admins read, never write", async () => {
    const cases = [
      { who: "coordA", id: f.users.coordA.id, sees: [v.inWindow.id], hidden: [v.foreign.id], post: 201, patch: 200 },
      { who: "invA", id: f.users.invA.id, sees: [v.inWindow.id], hidden: [v.foreign.id], post: 201, patch: 200 },
      { who: "coordB", id: f.users.coordB.id, sees: [v.foreign.id], hidden: [v.inWindow.id], post: 404, patch: 404 },
      { who: "invB", id: f.users.invB.id, sees: [v.foreign.id], hidden: [v.inWindow.id], post: 404, patch: 404 },
      { who: "sponsor (study A)", id: f.users.sponsor.id, sees: [v.inWindow.id], hidden: [v.foreign.id], post: 403, patch: 403 },
      // Without a grant the subject is not even found.
      { who: "sponsor (no grant)", id: sponsorNone.id, sees: [], hidden: [v.inWindow.id, v.foreign.id], post: 403, patch: 403 },
      { who: "admin", id: f.users.admin.id, sees: [v.inWindow.id, v.foreign.id], hidden: [], post: 403, patch: 403 },
    ];
    for (const c of cases) {
      const api = await clientFor(c.id);
      const list = await api.GET("/api/v1/visits", { params: { query: { limit: 200 } } });
      expect(list.response.status, c.who).toBe(200);
      for (const id of c.sees) {
        expect(ids(list.data!.data), c.who).toContain(id);
        expect((await api.GET("/api/v1/visits/{id}", { params: { path: { id } } })).response.status, c.who).toBe(200);
      }
      for (const id of c.hidden) {
        expect(ids(list.data!.data), c.who).not.toContain(id);
        expect((await api.GET("/api/v1/visits/{id}", { params: { path: { id } } })).response.status, c.who).toBe(404);
      }
      const target = await makeVisit(f, { scheduledAt: fromNow(2 * DAY) });
      const before = await writeCounts();
      const post = await api.POST("/api/v1/visits", { body: { subjectId: f.subjectA.id, visitType: "unscheduled", scheduledAt: fromNow(DAY).toISOString(), location: null } });
      expect(post.response.status, c.who).toBe(c.post);
      const patch = await api.PATCH("/api/v1/visits/{id}", { params: { path: { id: target.id } }, body: { version: 1, visitStatus: "canceled", reason: "Role check" } });
      expect(patch.response.status, c.who).toBe(c.patch);
      if (c.post !== 201) expect(await writeCounts(), c.who).toEqual(before);
      const [row] = await (await getDb()).select({ visitStatus: visits.visitStatus }).from(visits).where(eq(visits.id, target.id));
      expect(row!.visitStatus, c.who).toBe(c.patch === 200 ? "canceled" : "scheduled");
    }
  });

  it("de-identifies visits and embedded subjects for a sponsor in the data itself", async () => {
    const api = await clientFor(f.users.sponsor.id);
    const { data } = await api.GET("/api/v1/visits", { params: { query: { include: "subject,study,coordinator", limit: 200 } } });
    expect(data!.data.length).toBeGreaterThan(5);
    for (const x of data!.data) {
      expect(x.statusReason).toBeNull();
      expect(x.subject!.fullName).toBeNull();
      if (x.subjectId === f.subjectA.id) expect(x.subject!.dob).toBe("1970");
    }
    const canceled = await api.GET("/api/v1/visits/{id}", { params: { path: { id: v.canceled.id } } });
    expect(canceled.data).toMatchObject({ visitStatus: "canceled", statusReason: null });
    const text = JSON.stringify([data, canceled.data]);
    for (const secret of ["Alice", "daughter", "Ohio", "Role check", "1970-05-02"]) expect(text).not.toContain(secret);
  });

  it("reads each record the same in a list (JSON built by the database) and on its own", async () => {
    for (const user of [f.users.coordA, f.users.sponsor, f.users.admin]) {
      const api = await clientFor(user.id);
      const list = await api.GET("/api/v1/visits", { params: { query: { include: "subject,study,coordinator", limit: 200 } } });
      expect(list.response.status).toBe(200);
      for (const item of list.data!.data) {
        const one = await api.GET("/api/v1/visits/{id}", { params: { path: { id: item.id }, query: { include: "subject,study,coordinator" } } });
        expect(item).toEqual(one.data);
      }
    }
  });
});
