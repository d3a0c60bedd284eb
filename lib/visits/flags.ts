/**
 * The two visit flags, as SQL so that lists can filter and paginate by them (and the dashboard can
 * count them) without loading visits into memory. Both read dates in the VISIT'S site time zone
 * (`sites.timezone`, so the query must join `sites`), whoever is looking.
 *
 * - overdue: still scheduled, and its time has passed — or its protocol window closed before the
 *   site's today (a visit rescheduled past its window is overdue for the protocol).
 * - out of window: a scheduled or completed visit whose site-local date (completedAt when done,
 *   else scheduledAt) falls outside [windowStart, windowEnd]. Missed and canceled visits are not
 *   flagged: they have no date to compare.
 */
import "server-only";
import { sql, type Placeholder, type SQL } from "drizzle-orm";
import { sites, visits } from "@/db/schema";

const siteDay = (instant: SQL | typeof visits.scheduledAt) => sql`(${instant} at time zone ${sites.timezone})::date`;

/** `now` may be a placeholder (an ISO instant filled in later) for a query rendered once (db/reusable). */
export function overdueSql(now: Date | Placeholder): SQL<boolean> {
  const at = now instanceof Date ? sql`${now.toISOString()}::timestamptz` : sql`cast(${now} as timestamptz)`;
  // coalesce: a visit without a window compares to null, which must read as "not flagged".
  return sql<boolean>`coalesce(${visits.visitStatus} = 'scheduled' and (${visits.scheduledAt} < ${at} or ${visits.windowEnd} < ${siteDay(at)}), false)`;
}

export function outOfWindowSql(): SQL<boolean> {
  const day = siteDay(sql`case when ${visits.visitStatus} = 'completed' then coalesce(${visits.completedAt}, ${visits.scheduledAt}) else ${visits.scheduledAt} end`);
  return sql<boolean>`coalesce(${visits.visitStatus} in ('scheduled', 'completed') and (${day} < ${visits.windowStart} or ${day} > ${visits.windowEnd}), false)`;
}
