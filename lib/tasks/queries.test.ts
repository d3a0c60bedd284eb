import { beforeAll, describe, expect, it } from "vitest";
import type { Task } from "@/db/schema";
import { countQueries } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { addSubject } from "@/tests/fixtures-screening";
import { insertTask } from "@/tests/fixtures-tasks";
import { ForbiddenError } from "../errors";
import { parseList, type SearchParams } from "../list/params";
import { countTaskViews, listSubjectTasks, listTasks, openTasksCard, taskListSpec } from "./queries";

const f = withTwoSites();
// Wednesday 6 March 2030, 12:00 in New York (site A).
const NOW = new Date("2030-03-06T17:00:00Z");
const at = (iso: string) => new Date(iso);
const t = {} as Record<string, Task>;

beforeAll(async () => {
  const coord = f.users.coordA.id;
  const inv = f.users.invA.id;
  // Site A's week runs Monday 4 March 00:00 to Monday 11 March 00:00 New York time (05:00Z, then 04:00Z after the clocks go forward).
  t.mineOverdue = await insertTask(f, { title: "Chase lab results", dueAt: at("2030-03-05T14:00:00Z"), priority: "high" });
  t.roleWeekEnd = await insertTask(f, { title: "Order diaries", assigneeId: null, assigneeRole: "coordinator", dueAt: at("2030-03-11T03:30:00Z") });
  t.invWeekStart = await insertTask(f, { title: "Review ECG", assigneeId: inv, dueAt: at("2030-03-04T05:10:00Z"), priority: "urgent" });
  t.invRoleLastWeek = await insertTask(f, { title: "Sign off eligibility", assigneeId: null, assigneeRole: "investigator", dueAt: at("2030-03-04T04:50:00Z") });
  t.nextWeek = await insertTask(f, { title: "Book the MRI", dueAt: at("2030-03-11T04:30:00Z"), priority: "low" });
  t.done = await insertTask(f, { title: "Consent copy filed", status: "done", closedAt: at("2030-03-01T12:00:00Z"), closedById: coord, dueAt: at("2030-03-01T14:00:00Z") });
  t.dismissed = await insertTask(f, { title: "Call twice", status: "dismissed", dismissReason: "Reached on first try", closedAt: NOW, closedById: coord });
  const other = await addSubject(f, "A", { subjectId: "A-77" });
  t.otherSubject = await insertTask(f, { title: "Schedule week 4", subjectId: other.id, entityId: other.id, dueAt: at("2030-03-20T14:00:00Z") });
  t.study = await insertTask(f, { title: "File the protocol amendment", subjectId: null, entity: "study", entityId: f.studyA.id, dueAt: at("2030-03-07T14:00:00Z") });
  t.foreign = await insertTask(f, { title: "Site B call", dueAt: at("2030-03-05T12:00:00Z") }, "B");
});

const list = async (userId: string, params: SearchParams = {}) => {
  const page = await listTasks(await f.actor(userId), parseList(params, taskListSpec), NOW);
  return page.rows.map((r) => r.title);
};

describe("the task list", () => {
  it("shows mine (mine and my role's), my site's, overdue and due this week — open ones, by due time, my site only", async () => {
    const coord = f.users.coordA.id;
    expect(await list(coord)).toEqual(["Chase lab results", "File the protocol amendment", "Order diaries", "Book the MRI", "Schedule week 4"]);
    expect(await list(f.users.invA.id)).toEqual(["Sign off eligibility", "Review ECG"]);
    expect(await list(coord, { view: "site" })).toEqual([
      "Sign off eligibility", "Review ECG", "Chase lab results", "File the protocol amendment", "Order diaries", "Book the MRI", "Schedule week 4",
    ]);
    expect(await list(coord, { view: "overdue" })).toEqual(["Sign off eligibility", "Review ECG", "Chase lab results"]);
    // The site's own week: 00:10 on Monday in New York is in, 23:50 on the Sunday before is not (though Monday in UTC).
    expect(await list(coord, { view: "week" })).toEqual(["Review ECG", "Chase lab results", "File the protocol amendment", "Order diaries"]);
    expect(await list(f.users.coordB.id, { view: "site" })).toEqual(["Site B call"]);
  });

  it("filters by status, priority, study and text, sorts on the server and pages", async () => {
    const coord = f.users.coordA.id;
    expect(await list(coord, { status: "done" })).toEqual(["Consent copy filed"]);
    expect(await list(coord, { view: "site", status: "dismissed" })).toEqual(["Call twice"]);
    expect(await list(coord, { view: "site", status: "all" })).toHaveLength(9);
    expect(await list(coord, { view: "site", priority: "urgent" })).toEqual(["Review ECG"]);
    expect(await list(coord, { view: "site", studyId: f.studyB.id })).toEqual([]);
    expect(await list(coord, { view: "site", q: "a-77" })).toEqual(["Schedule week 4"]);
    expect(await list(coord, { view: "site", q: "ECG" })).toEqual(["Review ECG"]);
    expect((await list(coord, { view: "site", sort: "-priority" })).slice(0, 2)).toEqual(["Review ECG", "Chase lab results"]);
    expect((await list(coord, { view: "site", sort: "title" }))[0]).toBe("Book the MRI");
    const actor = await f.actor(coord);
    const page2 = await listTasks(actor, parseList({ view: "site", pageSize: "3", page: "2" }, taskListSpec), NOW);
    expect(page2).toMatchObject({ total: 7, page: 2, pageCount: 3 });
    expect(page2.rows.map((r) => r.title)).toEqual(["File the protocol amendment", "Order diaries", "Book the MRI"]);
  });

  it("carries what each row shows: what it is about, who has it, overdue, the site's zone", async () => {
    const [row] = (await listTasks(await f.actor(f.users.coordA.id), parseList({ q: "lab results" }, taskListSpec), NOW)).rows;
    expect(row).toMatchObject({ subjectCode: "A-01", subjectName: "Alice Anders", protocolId: "A-001", assigneeName: "coord_a Person", overdue: true, timeZone: "America/New_York" });
    const [study] = (await listTasks(await f.actor(f.users.coordA.id), parseList({ q: "amendment" }, taskListSpec), NOW)).rows;
    expect(study).toMatchObject({ entity: "study", subjectCode: null, protocolId: "A-001", overdue: false });
  });

  it("gives an admin every site's tasks, refuses sponsors, and takes a fixed number of queries", async () => {
    expect(await list(f.users.admin.id)).toHaveLength(8);
    await expect(list(f.users.sponsor.id)).rejects.toBeInstanceOf(ForbiddenError);
    const actor = await f.actor(f.users.coordA.id);
    expect((await countQueries(() => listTasks(actor, parseList({ view: "week", q: "x" }, taskListSpec), NOW))).queries).toBe(2);
    expect((await countQueries(() => countTaskViews(actor, NOW))).queries).toBe(1);
    expect((await countQueries(() => openTasksCard(actor, NOW))).queries).toBe(1);
    expect((await countQueries(() => listSubjectTasks(actor, f.subjectA.id, NOW))).queries).toBe(1);
  });

  it("counts each tab's open tasks", async () => {
    expect(await countTaskViews(await f.actor(f.users.coordA.id), NOW)).toEqual({ mine: 5, site: 7, overdue: 3, week: 4 });
    expect(await countTaskViews(await f.actor(f.users.admin.id), NOW)).toEqual({ mine: 0, site: 8, overdue: 4, week: 5 });
  });
});

describe("the dashboard card and the subject's tasks", () => {
  it("lists mine first, then the site's, by due time, with the totals", async () => {
    const card = await openTasksCard(await f.actor(f.users.coordA.id), NOW);
    expect(card).toMatchObject({ total: 7, mine: 5, overdue: 3 });
    expect(card.rows.map((r) => r.mine)).toEqual([true, true, true, true, true, false, false]);
    expect(card.rows.map((r) => r.title)).toEqual([
      "Chase lab results", "File the protocol amendment", "Order diaries", "Book the MRI", "Schedule week 4", "Sign off eligibility", "Review ECG",
    ]);
  });

  it("gives a subject's tasks, open ones first; none to a sponsor", async () => {
    const rows = await listSubjectTasks(await f.actor(f.users.invA.id), f.subjectA.id, NOW);
    expect(rows.map((r) => r.title)).toEqual([
      "Sign off eligibility", "Review ECG", "Chase lab results", "Order diaries", "Book the MRI", "Consent copy filed", "Call twice",
    ]);
    expect(await listSubjectTasks(await f.actor(f.users.coordB.id), f.subjectA.id, NOW)).toEqual([]);
    expect(await listSubjectTasks(await f.actor(f.users.sponsor.id), f.subjectA.id, NOW)).toEqual([]);
  });
});
