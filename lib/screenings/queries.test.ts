import { beforeAll, describe, expect, it } from "vitest";
import { countQueries, withTestDb } from "@/tests/db";
import { makeUser, twoSites } from "@/tests/fixtures";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { ForbiddenError } from "../errors";
import { exportScreeningQueue, listScreeningQueue } from "./queries";
import { parseQueueParams } from "./queue-params";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let ids: Record<string, string>;
beforeAll(async () => {
  f = await twoSites();
  const by = f.users.coordA.id;
  // subjectA ("A-01") is pending with no screening yet.
  const older = await addSubject(f, "A", { subjectId: "A-10", fullName: "Carla Older", screeningStatus: "pending" });
  await addScreening(older, by, { screeningDate: "2025-01-05" });
  const newer = await addSubject(f, "A", { subjectId: "A-11", fullName: "Dmitri Newer", screeningStatus: "rescreen" });
  await addScreening(newer, by, { screeningDate: "2025-01-02", screeningStatus: "failed", failReason: "Labs" });
  await addScreening(newer, f.users.invA.id, { screeningDate: "2025-01-20", screeningStatus: "rescreen", notes: "Repeat labs" });
  const passed = await addSubject(f, "A", { subjectId: "A-12", fullName: "Eve Passed", screeningStatus: "passed" });
  await addScreening(passed, by, { screeningDate: "2025-01-25", screeningStatus: "passed" });
  await addSubject(f, "A", { subjectId: "A-13", fullName: "Enrolled Person", screeningStatus: "passed", status: "enrolled" });
  await addSubject(f, "B", { subjectId: "B-10", fullName: "Foreign Person" });
  ids = { older: older.id, newer: newer.id, passed: passed.id };
});

const list = async (userId: string, params: Record<string, string> = {}) =>
  listScreeningQueue(await f.actor(userId), parseQueueParams(params));

describe("the screening queue", () => {
  it("shows the site's pending and rescreen subjects with their latest screening, newest first", async () => {
    const page = await list(f.users.coordA.id);
    expect(page.rows.map((r) => r.subjectId)).toEqual(["A-01", "A-11", "A-10"]);
    expect(page.total).toBe(3);
    const newer = page.rows.find((r) => r.id === ids.newer)!;
    expect(newer.latest).toMatchObject({ screeningDate: "2025-01-20", screeningStatus: "rescreen", completedByName: "inv_a Person", notes: "Repeat labs" });
    expect(page.rows[0]!.latest).toBeNull();
  });

  it("filters by screening status, study and search, and sorts on the server", async () => {
    expect((await list(f.users.coordA.id, { screeningStatus: "passed" })).rows.map((r) => r.subjectId)).toEqual(["A-12"]);
    expect((await list(f.users.coordA.id, { studyId: f.studyB.id })).rows).toEqual([]);
    expect((await list(f.users.coordA.id, { q: "dmitri" })).rows.map((r) => r.subjectId)).toEqual(["A-11"]);
    expect((await list(f.users.coordA.id, { q: "a-1" })).rows.map((r) => r.subjectId)).toEqual(["A-11", "A-10"]);
    expect((await list(f.users.coordA.id, { q: "%" })).rows).toEqual([]);
    expect((await list(f.users.coordA.id, { sort: "-subjectId" })).rows.map((r) => r.subjectId)).toEqual(["A-11", "A-10", "A-01"]);
    expect((await list(f.users.coordA.id, { sort: "screeningDate" })).rows.map((r) => r.subjectId)).toEqual(["A-10", "A-11", "A-01"]);
    // An invalid filter value is ignored rather than failing the page.
    expect((await list(f.users.coordA.id, { screeningStatus: "bogus", studyId: "x" })).total).toBe(3);
  });

  it("paginates with a total", async () => {
    const page2 = await list(f.users.coordA.id, { pageSize: "2", page: "2" });
    expect(page2).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(page2.rows.map((r) => r.subjectId)).toEqual(["A-10"]);
  });

  it("never shows another site's subjects", async () => {
    const page = await list(f.users.coordB.id);
    expect(page.rows.map((r) => r.subjectId).sort()).toEqual(["B-01", "B-10"]);
  });

  it("de-identifies for sponsors: no names, no notes, no search by name", async () => {
    const page = await list(f.users.sponsor.id);
    expect(page.rows.map((r) => r.subjectId)).toEqual(["A-01", "A-11", "A-10"]);
    expect(page.rows.every((r) => r.fullName === null && (r.latest?.notes ?? null) === null)).toBe(true);
    expect((await list(f.users.sponsor.id, { q: "dmitri" })).rows).toEqual([]);
  });

  it("uses the same two queries whatever the number of subjects and screenings", async () => {
    const actor = await f.actor(f.users.coordA.id);
    const small = await countQueries(() => listScreeningQueue(actor, parseQueueParams({ studyId: f.studyB.id })));
    for (let i = 0; i < 30; i++) {
      const s = await addSubject(f, "A", { subjectId: `A-X${i}` });
      await addScreening(s, f.users.coordA.id, { screeningDate: "2025-01-03" });
      await addScreening(s, f.users.coordA.id, { screeningDate: "2025-01-04" });
    }
    const large = await countQueries(() => listScreeningQueue(actor, parseQueueParams({})));
    expect(large.result.total).toBe(33);
    expect(small.queries).toBe(2);
    expect(large.queries).toBe(2);
  });

  it("exports the whole filter in one query, and refuses accounts that may not read", async () => {
    const actor = await f.actor(f.users.coordA.id);
    const { result, queries } = await countQueries(() => exportScreeningQueue(actor, parseQueueParams({ screeningStatus: "passed" })));
    expect(result.map((r) => r.subjectId)).toEqual(["A-12"]);
    expect(queries).toBe(1);
    const pending = await makeUser("pending_q", "coordinator", null, "pending");
    await expect(list(pending.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
