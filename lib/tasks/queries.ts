/**
 * Reads of follow-up tasks for the pages, site-scoped (another site's task is simply not there),
 * each a fixed number of queries whatever the data size: the /tasks list is two (page, count) plus
 * one for its tabs' counts; the dashboard card is one; a subject's tasks (its timeline) are one.
 */
import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import { TASK_PRIORITIES, TASK_STATUSES, sites, studies, subjects, tasks } from "@/db/schema";
import type { Actor } from "../actor";
import { containsPattern } from "../list/like-pattern";
import { optional, pageOf, type ListState } from "../list/params";
import { authorize, can, scopeWhere } from "../policy";
import { subjectModel } from "../read-model/subject";
import { taskJoins, taskModel } from "../read-model/task";
import { taskAssignee, taskCloser } from "../read-model/user";
import { assignedToSql, dueThisWeekSql, isOpenSql, overdueSql } from "./conditions";

/** The list's tabs: assigned to me (or my role), my site's, overdue, due this week (the open ones). */
export const TASK_VIEWS = ["mine", "site", "overdue", "week"] as const;
export type TaskView = (typeof TASK_VIEWS)[number];
export const TASK_SORTABLE = ["dueAt", "priority", "title", "subject", "createdAt"] as const;
export type TaskSortKey = (typeof TASK_SORTABLE)[number];
/** The status filter of the mine and site tabs: open by default. */
export const TASK_STATUS_FILTERS = [...TASK_STATUSES, "all"] as const;

/** The list's URL state (shared by the page and its CSV export). */
export const taskListSpec = {
  filters: {
    view: optional(z.enum(TASK_VIEWS)),
    status: optional(z.enum(TASK_STATUS_FILTERS)),
    priority: optional(z.enum(TASK_PRIORITIES)),
    studyId: optional(z.uuid()),
    q: optional(z.string().trim().max(100)),
  },
  sortable: TASK_SORTABLE,
  defaultSort: { key: "dueAt" as TaskSortKey, dir: "asc" as const },
};
export type TaskListFilters = z.output<z.ZodObject<typeof taskListSpec.filters>>;
export type TaskListState = ListState<TaskListFilters, TaskSortKey>;

/** Someone without a site (an admin) has no tasks of their own: their list opens on every site's. */
export function viewOf(actor: Actor, filters: TaskListFilters): TaskView {
  const view = filters.view ?? "mine";
  return view === "mine" && !actor.siteId ? "site" : view;
}

/** What a task row shows: the task, what it is about, who has it, and its site's zone for its times. */
const rowColumns = (actor: Actor, now: Date) => ({
  ...taskModel.pick(actor, [
    "id", "siteId", "studyId", "subjectId", "entity", "entityId", "title", "details", "dueAt", "assigneeId", "assigneeRole",
    "priority", "status", "dismissReason", "closedAt", "source", "version", "createdAt",
  ]),
  subjectCode: subjects.subjectId,
  subjectName: subjectModel.pick(actor, ["fullName"]).fullName,
  protocolId: studies.protocolId,
  timeZone: sites.timezone,
  assigneeName: taskAssignee.displayName,
  closedByName: taskCloser.displayName,
  overdue: sql<boolean>`${overdueSql(now)}`.mapWith(Boolean),
});
export type TaskRow = Awaited<ReturnType<typeof selectTaskRows<Record<never, never>>>>[number];

/** The rows of `where`, with what they are about and who has them (every relation may be missing but the site); `extra` columns too. */
function selectTaskRows<X extends Record<string, SQL.Aliased | SQL>>(db: DbOrTx, actor: Actor, now: Date, where: SQL | undefined, extra?: X) {
  return db
    .select({ ...rowColumns(actor, now), ...(extra as X) })
    .from(tasks)
    .innerJoin(...taskJoins.site)
    .leftJoin(...taskJoins.subject)
    .leftJoin(...taskJoins.study)
    .leftJoin(...taskJoins.assignee)
    .leftJoin(...taskJoins.closedBy)
    .where(and(scopeWhere(actor, tasks), where))
    .$dynamic();
}

const SORT_COLUMNS: Record<TaskSortKey, SQL | AnyPgColumn> = {
  dueAt: tasks.dueAt,
  // The enum's declared order is low < normal < high < urgent.
  priority: tasks.priority,
  title: sql`lower(${tasks.title})`,
  subject: subjects.subjectId,
  createdAt: tasks.createdAt,
};

function viewWhere(actor: Actor, view: TaskView, now: Date): SQL | undefined {
  switch (view) {
    case "mine":
      return assignedToSql(actor.id);
    case "site":
      return undefined;
    case "overdue":
      return overdueSql(now);
    case "week":
      return and(isOpenSql, dueThisWeekSql(now));
  }
}

function listWhere(actor: Actor, f: TaskListFilters, now: Date): SQL | undefined {
  const view = viewOf(actor, f);
  // Overdue and due this week are open tasks by definition; the other tabs show open ones unless asked.
  const status = view === "overdue" || view === "week" ? undefined : (f.status ?? "open");
  return and(
    viewWhere(actor, view, now),
    status && status !== "all" ? eq(tasks.status, status) : undefined,
    f.priority ? eq(tasks.priority, f.priority) : undefined,
    f.studyId ? eq(tasks.studyId, f.studyId) : undefined,
    f.q ? or(ilike(tasks.title, containsPattern(f.q)), ilike(subjects.subjectId, containsPattern(f.q))) : undefined,
  );
}

/** One page of tasks for the URL's tab, filters and sort: two queries (rows, count). */
/** Every task of the tab and filter (capped) as a select for the CSV export's cursor; in an object, unrun. */
export async function taskExportQuery(actor: Actor, state: Pick<TaskListState, "filters" | "sort">, limit: number, now = new Date()) {
  authorize(actor, "task.read");
  const db = await getDb();
  const column = SORT_COLUMNS[state.sort.key];
  const order = state.sort.dir === "asc" ? asc(column) : desc(column);
  return {
    query: selectTaskRows(db, actor, now, listWhere(actor, state.filters, now))
      .orderBy(order, asc(tasks.dueAt), asc(tasks.id))
      .limit(limit),
  };
}

export async function listTasks(actor: Actor, state: TaskListState, now = new Date()) {
  authorize(actor, "task.read");
  const db = await getDb();
  const where = listWhere(actor, state.filters, now);
  const column = SORT_COLUMNS[state.sort.key];
  const order = state.sort.dir === "asc" ? asc(column) : desc(column);
  const [rows, [count]] = await Promise.all([
    selectTaskRows(db, actor, now, where)
      .orderBy(order, asc(tasks.dueAt), asc(tasks.id))
      .limit(state.pageSize)
      .offset((state.page - 1) * state.pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(tasks)
      .innerJoin(...taskJoins.site)
      .leftJoin(...taskJoins.subject)
      .where(and(scopeWhere(actor, tasks), where)),
  ]);
  return pageOf(rows, count?.n ?? 0, state.page, state.pageSize);
}

/** How many open tasks each tab holds (mine is none for someone without a site): one query. */
export async function countTaskViews(actor: Actor, now = new Date()): Promise<Record<TaskView, number>> {
  authorize(actor, "task.read");
  const db = await getDb();
  const n = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition ?? sql`true`})`.mapWith(Number);
  const [row] = await db
    .select({
      mine: n(actor.siteId ? assignedToSql(actor.id) : sql`false`),
      site: n(undefined),
      overdue: n(overdueSql(now)),
      week: n(dueThisWeekSql(now)),
    })
    .from(tasks)
    .innerJoin(...taskJoins.site)
    .where(and(scopeWhere(actor, tasks), isOpenSql));
  return row ?? { mine: 0, site: 0, overdue: 0, week: 0 };
}

/** Rows the dashboard card shows; its totals say how many more the list holds. */
export const DASHBOARD_TASK_LIMIT = 8;

/**
 * The dashboard's open tasks: the actor's own (or their role's) first, then the site's, each by due
 * time — with how many are open, mine and overdue. One query.
 */
export async function openTasksCard(actor: Actor, now = new Date()) {
  authorize(actor, "task.read");
  const db = await getDb();
  const mine = actor.siteId ? assignedToSql(actor.id) : sql`false`;
  // Window counts are taken before the LIMIT: each row carries the totals of all open tasks.
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition}) over ()`.mapWith(Number);
  const extra = { mine: sql<boolean>`coalesce(${mine}, false)`.mapWith(Boolean), total: count(sql`true`), mineTotal: count(mine), overdueTotal: count(overdueSql(now)) };
  const rows = await selectTaskRows(db, actor, now, isOpenSql, extra)
    .orderBy(sql`case when ${mine} then 0 else 1 end`, asc(tasks.dueAt), asc(tasks.id))
    .limit(DASHBOARD_TASK_LIMIT);
  const [first] = rows;
  return {
    rows: rows.map(({ total: _t, mineTotal: _m, overdueTotal: _o, ...row }) => (void _t, void _m, void _o, row)),
    total: first?.total ?? 0,
    mine: first?.mineTotal ?? 0,
    overdue: first?.overdueTotal ?? 0,
  };
}

/** Every task about a subject or its records, open ones by due time then closed ones: one query (none for a reader without task.read). */
export async function listSubjectTasks(actor: Actor, subjectId: string, now = new Date()): Promise<TaskRow[]> {
  if (!can(actor, "task.read")) return [];
  const db = await getDb();
  return selectTaskRows(db, actor, now, eq(tasks.subjectId, subjectId)).orderBy(sql`${isOpenSql} desc`, asc(tasks.dueAt), asc(tasks.id));
}
