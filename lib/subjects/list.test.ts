import { beforeAll, describe, expect, it } from "vitest";
import { subjects } from "@/db/schema";
import { countQueries, testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { ForbiddenError } from "../errors";
import { parseSubjectList } from "./list-params";
import { coordinatorOptions, exportSubjects, listSubjects, openStudyOptions } from "./queries";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  const db = await testDb();
  const base = { siteId: f.siteA.id, studyId: f.studyA.id, coordinatorId: f.users.invA.id };
  await db.insert(subjects).values([
    { ...base, subjectId: "A-02", fullName: "Zoe 100%_Zed", screeningStatus: "passed", consentSignedAt: new Date("2024-01-01T12:00:00Z") },
    { ...base, subjectId: "A-03", fullName: "Bea Bell", screeningStatus: "failed", status: "screen_failed" },
    { ...base, subjectId: "A-04", fullName: "Cy Cole", status: "enrolled", screeningStatus: "passed", dob: "1990-09-09" },
  ]);
});

const list = async (actorId: string, params: Record<string, string>) => listSubjects(await f.actor(actorId), parseSubjectList(params));

describe("the subject registry", () => {
  it("lists only the actor's site, filters, searches by ID or name, sorts and paginates on the server", async () => {
    const coordA = f.users.coordA.id;
    expect((await list(coordA, {})).total).toBe(4);
    expect((await list(f.users.coordB.id, {})).rows.map((r) => r.subjectId)).toEqual(["B-01"]);
    expect((await list(coordA, { screeningStatus: "passed", sort: "subjectId" })).rows.map((r) => r.subjectId)).toEqual(["A-02", "A-04"]);
    expect((await list(coordA, { status: "screen_failed" })).rows.map((r) => r.subjectId)).toEqual(["A-03"]);
    expect((await list(coordA, { coordinatorId: f.users.coordA.id })).rows.map((r) => r.subjectId)).toEqual(["A-01"]);
    expect((await list(coordA, { q: "cole" })).rows.map((r) => r.subjectId)).toEqual(["A-04"]);
    expect((await list(coordA, { q: "a-0", sort: "-subjectId" })).rows.map((r) => r.subjectId)).toEqual(["A-04", "A-03", "A-02", "A-01"]);
    // % and _ are literal characters, not wildcards.
    expect((await list(coordA, { q: "%_" })).rows.map((r) => r.subjectId)).toEqual(["A-02"]);
    expect((await list(coordA, { sort: "fullName" })).rows.map((r) => r.fullName)).toEqual(["Alice Anders", "Bea Bell", "Cy Cole", "Zoe 100%_Zed"]);
    const page2 = await list(coordA, { sort: "subjectId", pageSize: "3", page: "2" });
    expect(page2).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(page2.rows.map((r) => r.subjectId)).toEqual(["A-04"]);
    // A foreign study id in the URL simply matches nothing.
    expect((await list(coordA, { studyId: f.studyB.id })).total).toBe(0);
  });

  it("loads one page in a fixed number of queries", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const { queries } = await countQueries(() => listSubjects(coord, parseSubjectList({ pageSize: "2" })));
    expect(queries).toBe(2);
  });

  it("de-identifies for sponsors: no names, year of birth, no search or sort by name", async () => {
    const sponsor = f.users.sponsor.id;
    const page = await list(sponsor, { sort: "fullName" });
    expect(page.rows.map((r) => r.subjectId)).toEqual(["A-01", "A-02", "A-03", "A-04"]);
    expect(page.rows.every((r) => r.fullName === null)).toBe(true);
    expect(page.rows.find((r) => r.subjectId === "A-04")!.dob).toBe("1990");
    expect((await list(sponsor, { q: "Cole" })).total).toBe(0);
  });

  it("exports the whole filter, de-identified for sponsors", async () => {
    const rows = await exportSubjects(await f.actor(f.users.coordA.id), parseSubjectList({ screeningStatus: "passed" }), 100);
    expect(rows.map((r) => r.subjectId).sort()).toEqual(["A-02", "A-04"]);
    const sponsorRows = await exportSubjects(await f.actor(f.users.sponsor.id), parseSubjectList({}), 2);
    expect(sponsorRows).toHaveLength(2);
    expect(sponsorRows.every((r) => r.fullName === null)).toBe(true);
  });

  it("offers the actor's open studies and their site's staff", async () => {
    const coord = await f.actor(f.users.coordA.id);
    expect((await openStudyOptions(coord)).map((o) => o.value)).toEqual([f.studyA.id]);
    expect((await coordinatorOptions(coord, { activeOnly: true })).map((o) => o.value).sort()).toEqual([f.users.coordA.id, f.users.invA.id].sort());
    const admin = await f.actor(f.users.admin.id);
    expect(await coordinatorOptions(admin)).toHaveLength(4);
    const pending = { ...coord, status: "pending" as const };
    await expect(listSubjects(pending, parseSubjectList({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
