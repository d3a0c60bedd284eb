import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { screenings, subjects } from "@/db/schema";
import { countQueries, withTestDb } from "@/tests/db";
import { addScreening, addSubject, writeCounts } from "@/tests/fixtures-screening";
import { makeUser, twoSites } from "@/tests/fixtures";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";
import { screeningReader } from "./queries";
import { ScreeningListQuery } from "./schema";

withTestDb();

type Fixture = Awaited<ReturnType<typeof twoSites>>;
type Subject = typeof subjects.$inferSelect;
type Row = typeof screenings.$inferSelect;

const HOSTILE = `<script>alert("x")</script>'); DROP TABLE screenings; --`;

let f: Fixture;
let sponsorNone: { id: string };
/** Site A: a subject with screenings on known dates; site B: one screening. */
let listed: Subject;
let rows: { early: Row; mid: Row; failed: Row; late: Row; foreign: Row };

beforeAll(async () => {
  f = await twoSites();
  sponsorNone = await makeUser("sponsor_none", "sponsor", null);
  listed = await addSubject(f, "A");
  const other = await addSubject(f, "A");
  rows = {
    early: await addScreening(listed, f.users.coordA.id, { screeningDate: "2025-01-05", notes: "Early notes about Ms Smith" }),
    mid: await addScreening(listed, f.users.invA.id, { screeningDate: "2025-02-10", screeningStatus: "rescreen" }),
    failed: await addScreening(other, f.users.coordA.id, { screeningDate: "2025-03-01", screeningStatus: "failed", failReason: "Exclusion 4, told by her husband" }),
    late: await addScreening(listed, f.users.coordA.id, { screeningDate: "2025-04-20", screeningStatus: "passed" }),
    foreign: await addScreening(f.subjectB, f.users.coordB.id, { screeningDate: "2025-03-15", notes: "Site B notes" }),
  };
});

const ids = (data: { id: string }[] | undefined) => (data ?? []).map((s) => s.id);

describe("REST /screenings: reading", () => {
  it("lists the caller's site newest first, with subject, study and completedBy embedded by one query", async () => {
    const api = await clientFor(f.users.coordA.id);
    const { data, response } = await api.GET("/api/v1/screenings", { params: { query: { include: "subject,study,completedBy" } } });
    expect(response.status).toBe(200);
    expect(ids(data!.data)).toEqual([rows.late.id, rows.failed.id, rows.mid.id, rows.early.id]);
    const mid = data!.data[2]!;
    expect(mid).toMatchObject({
      screeningStatus: "rescreen",
      screeningDate: "2025-02-10",
      subjectId: listed.id,
      studyId: f.studyA.id,
      siteId: f.siteA.id,
      completedById: f.users.invA.id,
      version: 1,
      subject: { id: listed.id, subjectId: listed.subjectId, fullName: listed.fullName },
      study: { id: f.studyA.id, protocolId: "A-001" },
      completedBy: { id: f.users.invA.id, username: "inv_a" },
    });
    expect(data!.data[3]!.notes).toBe("Early notes about Ms Smith");
    expect(data!.nextCursor).toBeNull();

    // The whole page, embeds included, is one statement whatever its size.
    const actor = await f.actor(f.users.coordA.id);
    const query = ScreeningListQuery.parse({ include: "subject,study,completedBy", limit: "200" });
    const { queries, result } = await countQueries(() => screeningReader.list(actor, query));
    expect(queries).toBe(1);
    expect(result.data).toHaveLength(4);
  });

  it("filters by study, subject, status and a date range, and orders by each field", async () => {
    const api = await clientFor(f.users.admin.id);
    const list = async (query: Record<string, string>) => {
      const { data, response } = await api.GET("/api/v1/screenings", { params: { query } });
      expect(response.status).toBe(200);
      return ids(data!.data);
    };
    expect(await list({ studyId: f.studyB.id })).toEqual([rows.foreign.id]);
    expect(await list({ subjectId: listed.id, order: "screeningDate" })).toEqual([rows.early.id, rows.mid.id, rows.late.id]);
    expect(await list({ screeningStatus: "failed" })).toEqual([rows.failed.id]);
    expect(await list({ screeningFrom: "2025-02-10", screeningTo: "2025-03-15" })).toEqual([rows.foreign.id, rows.failed.id, rows.mid.id]);
    expect(await list({ screeningFrom: "2025-04-20" })).toEqual([rows.late.id]);
    expect(await list({ screeningTo: "2025-01-05" })).toEqual([rows.early.id]);
    expect(await list({ studyId: f.studyA.id, screeningStatus: "passed", screeningTo: "2025-03-31" })).toEqual([]);
    const all = [rows.early, rows.mid, rows.failed, rows.late, rows.foreign].map((r) => r.id);
    expect((await list({ order: "createdAt" })).filter((id) => all.includes(id))).toEqual(all);
    expect((await list({ order: "-createdAt" })).filter((id) => all.includes(id))).toEqual([...all].reverse());
    expect((await list({ order: "updatedAt" })).filter((id) => all.includes(id))).toEqual(all);
  });

  it("gets one screening with embeds; another site's, a malformed id and no token are refused", async () => {
    const api = await clientFor(f.users.coordA.id);
    const one = await api.GET("/api/v1/screenings/{id}", { params: { path: { id: rows.failed.id }, query: { include: "subject" } } });
    expect(one.response.status).toBe(200);
    expect(one.data).toMatchObject({ id: rows.failed.id, failReason: "Exclusion 4, told by her husband", subject: { screeningStatus: "pending" } });
    expect(one.data!.study).toBeUndefined();
    const foreign = await api.GET("/api/v1/screenings/{id}", { params: { path: { id: rows.foreign.id } } });
    expect(foreign.response.status).toBe(404);
    expect(foreign.response.headers.get("content-type")).toBe("application/problem+json");
    expect((await api.GET("/api/v1/screenings/{id}", { params: { path: { id: "1 or 1=1" } } })).response.status).toBe(404);
    expect((await apiClient().GET("/api/v1/screenings", {})).response.status).toBe(401);
  });

  it("pages without repeats or gaps while screenings are recorded meanwhile", async () => {
    const subject = await addSubject(f, "A");
    const before: Row[] = [];
    for (const day of ["2025-05-01", "2025-05-02", "2025-05-02", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05"]) {
      before.push(await addScreening(subject, f.users.coordA.id, { screeningDate: day }));
    }
    const api = await clientFor(f.users.coordA.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let inserted = 0;
    do {
      const { data, response } = await api.GET("/api/v1/screenings", {
        params: { query: { subjectId: subject.id, order: "-screeningDate", limit: 2, ...(cursor ? { cursor } : {}) } },
      });
      expect(response.status).toBe(200);
      seen.push(...ids(data!.data));
      cursor = data!.nextCursor ?? undefined;
      // Rows arrive on both sides of the page boundary, including ties on the boundary's date.
      await addScreening(subject, f.users.coordA.id, { screeningDate: ["2025-05-06", "2025-05-02", "2025-04-30"][inserted % 3]! });
      inserted++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const wanted = before.map((r) => r.id);
    expect(seen.filter((id) => wanted.includes(id))).toEqual(
      [...before].sort((a, b) => (a.screeningDate === b.screeningDate ? (a.id < b.id ? 1 : -1) : a.screeningDate < b.screeningDate ? 1 : -1)).map((r) => r.id),
    );
  });

  it("refuses bad query parameters with a 400 problem naming the parameter", async () => {
    const token = await tokenFor(f.users.coordA.id);
    for (const query of [
      "screeningFrom=2025-02-30",
      "screeningTo=2025-13-01",
      "screeningFrom=2025-05-01&screeningTo=2025-04-01",
      "screeningStatus=done",
      "studyId=1%20or%201=1",
      "order=-notes",
      "include=subject,notes",
      "limit=0",
      "limit=201",
      "cursor=bm90LWEtY3Vyc29y",
      "bogus=1",
    ]) {
      const res = await rawCall("GET", `/screenings?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.type).toBe("application/problem+json");
      expect((res.body!.errors as { pointer: string }[]).length, query).toBeGreaterThan(0);
    }
  });
});

describe("REST /screenings: writing", () => {
  it("records an outcome through the lib (subject follows), storing SQL/HTML-looking text verbatim", async () => {
    const subject = await addSubject(f, "A");
    const api = await clientFor(f.users.coordA.id);
    const created = await api.POST("/api/v1/screenings", {
      body: { subjectId: subject.id, subjectVersion: 1, screeningStatus: "failed", screeningDate: "2025-02-01", notes: HOSTILE, failReason: HOSTILE },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ subjectId: subject.id, screeningStatus: "failed", screeningDate: "2025-02-01", notes: HOSTILE, failReason: HOSTILE, completedById: f.users.coordA.id, version: 1 });
    const again = await api.GET("/api/v1/screenings/{id}", { params: { path: { id: created.data!.id } } });
    expect(again.data!.notes).toBe(HOSTILE);
    const db = await getDb();
    const [after] = await db.select().from(subjects).where(eq(subjects.id, subject.id));
    expect(after).toMatchObject({ screeningStatus: "failed", status: "screen_failed", version: 2 });

    // The subject moved on: the version read before is stale → 409 with the subject as it is now.
    const stale = await api.POST("/api/v1/screenings", { body: { subjectId: subject.id, subjectVersion: 1, screeningStatus: "rescreen", screeningDate: "2025-02-02" } });
    expect(stale.response.status).toBe(409);
    expect((stale.error as { current: { version: number } }).current).toMatchObject({ id: subject.id, version: 2, screeningStatus: "failed", status: "screen_failed" });
  });

  it("corrects a screening: sent fields over the current ones, reason required, stale version → 409 with the API record", async () => {
    const subject = await addSubject(f, "A");
    const row = await addScreening(subject, f.users.coordA.id, { screeningDate: "2025-03-03", notes: "Fasting", screeningStatus: "pending" });
    const api = await clientFor(f.users.invA.id);
    const path = { params: { path: { id: row.id } } };
    const edited = await api.PATCH("/api/v1/screenings/{id}", { ...path, body: { version: 1, reason: "Wrong day", screeningDate: "2025-03-04" } });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({ screeningDate: "2025-03-04", notes: "Fasting", screeningStatus: "pending", completedById: f.users.coordA.id, version: 2 });
    const failed = await api.PATCH("/api/v1/screenings/{id}", { ...path, body: { version: 2, reason: "Outcome", screeningStatus: "failed", failReason: HOSTILE, notes: null } });
    expect(failed.response.status).toBe(200);
    expect(failed.data).toMatchObject({ screeningStatus: "failed", failReason: HOSTILE, notes: null, screeningDate: "2025-03-04", version: 3 });

    const stale = await api.PATCH("/api/v1/screenings/{id}", { ...path, body: { version: 2, reason: "Late", notes: "lost" } });
    expect(stale.response.status).toBe(409);
    const current = (stale.error as { current: Record<string, unknown> }).current;
    expect(current).toMatchObject({ id: row.id, version: 3, screeningStatus: "failed", failReason: HOSTILE, subjectId: subject.id });

    const token = await tokenFor(f.users.invA.id);
    const before = await writeCounts();
    const noReason = await rawCall("PATCH", `/screenings/${row.id}`, { token, body: JSON.stringify({ version: 3, notes: "x" }) });
    expect(noReason.status).toBe(422);
    expect((noReason.body!.errors as { pointer: string }[]).map((e) => e.pointer)).toContain("#/reason");
    // Back to passed: the lib's rules still hold (this subject has consent, so a future date is what fails).
    const future = await api.PATCH("/api/v1/screenings/{id}", { ...path, body: { version: 3, reason: "r", screeningStatus: "passed", screeningDate: "2099-01-01" } });
    expect(future.response.status).toBe(422);
    const nothing = await api.PATCH("/api/v1/screenings/{id}", { ...path, body: { version: 3, reason: "r" } });
    expect(nothing.response.status).toBe(422);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses bad bodies with 4xx problem+json naming the fields, and writes nothing", async () => {
    const token = await tokenFor(f.users.coordA.id);
    const before = await writeCounts();
    const post = (body: unknown) => rawCall("POST", "/screenings", { token, body: JSON.stringify(body) });
    const wrong = await post({ subjectId: 5, subjectVersion: "one", screeningStatus: "maybe", screeningDate: "2025-02-30", notes: "a".repeat(2001), extra: true });
    expect(wrong.status).toBe(422);
    expect(wrong.type).toBe("application/problem+json");
    const pointers = (wrong.body!.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["#/subjectId", "#/subjectVersion", "#/screeningStatus", "#/screeningDate", "#/notes"]));
    expect((await post({ subjectId: listed.id, subjectVersion: 1, screeningStatus: "pending", screeningDate: "2025-02-29" })).status).toBe(422);
    expect((await post({ subjectId: listed.id, subjectVersion: 1, screeningStatus: "failed", screeningDate: "2025-02-01" })).status).toBe(422);
    expect((await post({ subjectId: listed.id, subjectVersion: 1, screeningStatus: "pending", screeningDate: "2099-01-01" })).status).toBe(422);
    expect((await post({ subjectId: listed.id, subjectVersion: 1, screeningStatus: "pending", completedById: f.users.coordB.id })).status).toBe(422);
    expect((await rawCall("POST", "/screenings", { token, body: "{oops" })).status).toBe(400);
    expect((await rawCall("POST", "/screenings", { token, body: "subjectId=1", contentType: "text/plain" })).status).toBe(415);

    const patch = (body: unknown) => rawCall("PATCH", `/screenings/${rows.early.id}`, { token, body: JSON.stringify(body) });
    expect((await patch({ version: 1, reason: "r", screeningDate: "2025-02-30" })).status).toBe(422);
    expect((await patch({ version: 1, reason: "r", notes: "a".repeat(2001) })).status).toBe(422);
    expect((await patch({ version: 1, reason: "r", subjectId: f.subjectB.id })).status).toBe(422);
    expect((await patch({ version: "1", reason: "r", notes: "x" })).status).toBe(422);
    expect(await writeCounts()).toEqual(before);
  });
});

describe("REST /screenings: roles and sites", () => {
  it("lets site staff read and write their own site only; sponsors and admins read, never write", async () => {
    const cases = [
      { who: "coordA", id: f.users.coordA.id, sees: [rows.early.id], hidden: [rows.foreign.id], writes: 201 },
      { who: "invA", id: f.users.invA.id, sees: [rows.early.id], hidden: [rows.foreign.id], writes: 201 },
      { who: "coordB", id: f.users.coordB.id, sees: [rows.foreign.id], hidden: [rows.early.id], writes: 404 },
      { who: "invB", id: f.users.invB.id, sees: [rows.foreign.id], hidden: [rows.early.id], writes: 404 },
      { who: "sponsor (study A)", id: f.users.sponsor.id, sees: [rows.early.id], hidden: [rows.foreign.id], writes: 403 },
      { who: "sponsor (no grant)", id: sponsorNone.id, sees: [], hidden: [rows.early.id, rows.foreign.id], writes: 403 },
      { who: "admin", id: f.users.admin.id, sees: [rows.early.id, rows.foreign.id], hidden: [], writes: 403 },
    ];
    for (const c of cases) {
      const api = await clientFor(c.id);
      const list = await api.GET("/api/v1/screenings", { params: { query: { limit: 200 } } });
      expect(list.response.status, c.who).toBe(200);
      for (const id of c.sees) {
        expect(ids(list.data!.data), c.who).toContain(id);
        expect((await api.GET("/api/v1/screenings/{id}", { params: { path: { id } } })).response.status, c.who).toBe(200);
      }
      for (const id of c.hidden) {
        expect(ids(list.data!.data), c.who).not.toContain(id);
        expect((await api.GET("/api/v1/screenings/{id}", { params: { path: { id } } })).response.status, c.who).toBe(404);
      }
      // Writes on site A's records: a fresh subject (so a success changes nothing shared) and the early screening.
      const subject = await addSubject(f, "A");
      const before = await writeCounts();
      const post = await api.POST("/api/v1/screenings", { body: { subjectId: subject.id, subjectVersion: 1, screeningStatus: "pending", screeningDate: "2025-02-01" } });
      expect(post.response.status, c.who).toBe(c.writes);
      if (c.writes !== 201) {
        const [current] = await (await getDb()).select({ version: screenings.version }).from(screenings).where(eq(screenings.id, rows.early.id));
        const patch = await api.PATCH("/api/v1/screenings/{id}", { params: { path: { id: rows.early.id } }, body: { version: current!.version, reason: "r", notes: "changed" } });
        expect(patch.response.status, c.who).toBe(c.writes);
        expect(await writeCounts(), c.who).toEqual(before);
      }
    }
  });

  it("de-identifies screenings and embedded subjects for a sponsor in the data itself", async () => {
    const api = await clientFor(f.users.sponsor.id);
    const { data } = await api.GET("/api/v1/screenings", { params: { query: { include: "subject,study,completedBy", subjectId: listed.id } } });
    expect(data!.data).toHaveLength(3);
    for (const s of data!.data) {
      expect(s.notes).toBeNull();
      expect(s.failReason).toBeNull();
      expect(s.subject).toMatchObject({ subjectId: listed.subjectId, fullName: null });
    }
    const failed = await api.GET("/api/v1/screenings/{id}", { params: { path: { id: rows.failed.id }, query: { include: "subject" } } });
    expect(failed.data).toMatchObject({ screeningStatus: "failed", failReason: null, notes: null });
    const text = JSON.stringify([data, failed.data]);
    for (const secret of [listed.fullName, "Ms Smith", "husband"]) expect(text).not.toContain(secret);
  });

  it("reads each record the same in a list (JSON built by the database) and on its own", async () => {
    for (const user of [f.users.coordA, f.users.sponsor, f.users.admin]) {
      const api = await clientFor(user.id);
      const list = await api.GET("/api/v1/screenings", { params: { query: { include: "subject,study,completedBy", limit: 200 } } });
      expect(list.response.status).toBe(200);
      for (const item of list.data!.data) {
        const one = await api.GET("/api/v1/screenings/{id}", { params: { path: { id: item.id }, query: { include: "subject,study,completedBy" } } });
        expect(item).toEqual(one.data);
      }
    }
  });
});
