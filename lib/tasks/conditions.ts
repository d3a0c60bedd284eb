/**
 * The task conditions lists share (the /tasks views, the dashboard card, the API's filters), as SQL
 * so that lists filter, count and page in the database. Times are instants or placeholders filled
 * with one; "this week" is the task's own site's calendar week (Monday to Sunday, site time zone),
 * so the query must join `sites`.
 */
import "server-only";
import { and, eq, gte, lt, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { sites, tasks, users } from "@/db/schema";

const instant = (at: Date | Placeholder) => (at instanceof Date ? sql`${at.toISOString()}::timestamptz` : sql`cast(${at} as timestamptz)`);

/**
 * Assigned to this person, or to their role (at the task's site: tasks are read within the reader's
 * scope). `userId` may be a placeholder (the API's `assignee` filter).
 */
export function assignedToSql(userId: string | Placeholder): SQL {
  const id = typeof userId === "string" ? sql`${userId}::uuid` : sql`cast(${userId} as uuid)`;
  return or(eq(tasks.assigneeId, id), eq(tasks.assigneeRole, sql`(select ${users.role} from ${users} where ${users.id} = ${id})`))!;
}

export const isOpenSql = eq(tasks.status, "open");

/** Open and due before `now`. */
export function overdueSql(now: Date | Placeholder): SQL {
  return and(isOpenSql, lt(tasks.dueAt, instant(now)))!;
}

/** Due within the calendar week (at the task's site) that `now` falls in. */
export function dueThisWeekSql(now: Date | Placeholder): SQL {
  const monday = sql`date_trunc('week', ${instant(now)} at time zone ${sites.timezone})`;
  return and(gte(tasks.dueAt, sql`${monday} at time zone ${sites.timezone}`), lt(tasks.dueAt, sql`(${monday} + interval '7 days') at time zone ${sites.timezone}`))!;
}

/** Due before an instant (exclusive). */
export function dueBeforeSql(at: Date | Placeholder): SQL {
  return lt(tasks.dueAt, instant(at));
}
