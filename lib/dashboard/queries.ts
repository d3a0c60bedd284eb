/**
 * The coordinator's dashboard (`/`): today's visits, overdue and out-of-window visits, screening
 * queue counts, open AEs, the serious AEs' sponsor clocks and the open tasks (mine first) — for the
 * actor's own site, in seven bounded queries (each list LIMITed, its total by COUNT(*) OVER ()) whatever the site's size.
 */
import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { adverseEvents, subjects, visits } from "@/db/schema";
import type { Actor } from "../actor";
import { addDaysIso, siteToday, startOfLocalDay } from "../dates";
import { ForbiddenError } from "../errors";
import { authorize, can } from "../policy";
import { adverseEventJoins } from "../read-model/adverse-event";
import { subjectModel } from "../read-model/subject";
import { visitJoins } from "../read-model/visit";
import { visibleTo } from "../read-model/visible";
import type { ScreeningStatus } from "../screenings/types";
import { openTasksCard } from "../tasks/queries";
import { outOfWindowSql, overdueSql } from "../visits/flags";

/** Rows shown per card; the card's total says how many more the linked list holds. */
export const DASHBOARD_LIST_LIMIT = 8;

const total = sql<number>`count(*) over ()`.mapWith(Number);

async function visitCard(actor: Actor, where: SQL, order: SQL[]) {
  const db = await getDb();
  const rows = await db
    .select({
      id: visits.id,
      scheduledAt: visits.scheduledAt,
      visitType: visits.visitType,
      visitStatus: visits.visitStatus,
      location: visits.location,
      windowStart: visits.windowStart,
      windowEnd: visits.windowEnd,
      subjectRef: subjects.id,
      ...subjectModel.pick(actor, ["subjectId", "fullName"]),
      total,
    })
    .from(visits)
    .innerJoin(...visitJoins.subject)
    // The visit flags read dates in the visit's site time zone.
    .innerJoin(...visitJoins.site)
    .where(where)
    .orderBy(...order, asc(visits.id))
    .limit(DASHBOARD_LIST_LIMIT);
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => (void _t, r)) };
}

async function aeCard(actor: Actor, where: SQL, order: SQL[]) {
  const db = await getDb();
  const rows = await db
    .select({
      id: adverseEvents.id,
      eventTerm: adverseEvents.eventTerm,
      severity: adverseEvents.severity,
      serious: adverseEvents.serious,
      status: adverseEvents.status,
      onsetDate: adverseEvents.onsetDate,
      awareAt: adverseEvents.awareAt,
      sponsorNotifiedAt: adverseEvents.sponsorNotifiedAt,
      subjectRef: subjects.id,
      ...subjectModel.pick(actor, ["subjectId", "fullName"]),
      total,
      // Splits the "open AEs" total by its two statuses, each with its own filtered list.
      openTotal: sql<number>`count(*) filter (where ${adverseEvents.status} = 'open') over ()`.mapWith(Number),
    })
    .from(adverseEvents)
    .innerJoin(...adverseEventJoins.subject)
    .where(where)
    .orderBy(...order, asc(adverseEvents.id))
    .limit(DASHBOARD_LIST_LIMIT);
  return {
    total: rows[0]?.total ?? 0,
    openTotal: rows[0]?.openTotal ?? 0,
    rows: rows.map(({ total: _t, openTotal: _o, ...r }) => (void _t, void _o, r)),
  };
}

async function screeningCounts(actor: Actor): Promise<Record<ScreeningStatus, number>> {
  const db = await getDb();
  const rows = await db
    .select({ status: subjects.screeningStatus, n: sql<number>`count(*)`.mapWith(Number) })
    .from(subjects)
    // The same population as the screening queue: subjects still in screening.
    .where(and(visibleTo(actor, subjects), inArray(subjects.status, ["screening", "screen_failed"])))
    .groupBy(subjects.screeningStatus);
  const counts = { pending: 0, rescreen: 0, passed: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export async function getCoordinatorDashboard(actor: Actor, now: Date = new Date()) {
  // A site workbench: for the people who do a site's work (as the navigation decides).
  if (!can(actor, "visit.update", { siteId: actor.siteId }) || !actor.siteTimezone) throw new ForbiddenError();
  authorize(actor, "visit.read");
  authorize(actor, "ae.read");
  authorize(actor, "screening.read");

  const timeZone = actor.siteTimezone;
  const today = siteToday(timeZone, now);
  const visitScope = visibleTo(actor, visits);
  const aeScope = visibleTo(actor, adverseEvents);

  const [todayVisits, overdue, outOfWindow, screening, openAes, seriousClocks, tasks] = await Promise.all([
    visitCard(
      actor,
      and(
        visitScope,
        gte(visits.scheduledAt, startOfLocalDay(today, timeZone)),
        lt(visits.scheduledAt, startOfLocalDay(addDaysIso(today, 1), timeZone)),
        ne(visits.visitStatus, "canceled"),
      )!,
      [asc(visits.scheduledAt)],
    ),
    // Longest overdue first: those are the ones slipping out of their window. The explicit
    // status test (implied by the flag) lets PostgreSQL use visits_site_status_scheduled_idx.
    visitCard(actor, and(visitScope, eq(visits.visitStatus, "scheduled"), overdueSql(now))!, [asc(visits.scheduledAt)]),
    // Booked outside their window: the ones a coordinator can still move. (Completed visits that
    // were out of window are deviations on record; the linked list shows them on request.)
    visitCard(actor, and(visitScope, eq(visits.visitStatus, "scheduled"), outOfWindowSql())!, [asc(visits.scheduledAt)]),
    screeningCounts(actor),
    aeCard(actor, and(aeScope, inArray(adverseEvents.status, ["open", "follow_up"]))!, [desc(adverseEvents.awareAt)]),
    // Serious AEs whose sponsor has not been told yet: the oldest clock is the most urgent.
    aeCard(actor, and(aeScope, eq(adverseEvents.serious, true), isNull(adverseEvents.sponsorNotifiedAt))!, [asc(adverseEvents.awareAt)]),
    openTasksCard(actor, now),
  ]);

  return { today, timeZone, now, todayVisits, overdue, outOfWindow, screening, openAes, seriousClocks, tasks };
}

export type CoordinatorDashboard = Awaited<ReturnType<typeof getCoordinatorDashboard>>;
export type DashboardVisit = CoordinatorDashboard["todayVisits"]["rows"][number];
export type DashboardAe = CoordinatorDashboard["openAes"]["rows"][number];
export type DashboardTask = CoordinatorDashboard["tasks"]["rows"][number];
