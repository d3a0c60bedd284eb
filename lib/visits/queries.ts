/**
 * Site-scoped reads of visits for the calendar, the visit page and the exports. Each is ONE query
 * whatever the data size: the calendar asks only for the days it shows (a range on
 * visits_site_scheduled_idx), grids cap the visits drawn per day, lists are paginated.
 * Sponsors get de-identified rows (no name, no free-text reason).
 */
import "server-only";
import { and, asc, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { getDb, type Db } from "@/db";
import { sites, studies, subjects, visitScheduleItems, visits } from "@/db/schema";
import type { Actor } from "../actor";
import { addDaysIso, isIsoDate, startOfLocalDay, type IsoDate } from "../dates";
import { NotFoundError, ValidationError } from "../errors";
import { containsPattern } from "../list/like-pattern";
import { pageOf, type Page } from "../list/params";
import { presentHistory, selectHistory, type HistoryEntry } from "../audit/history";
import { authorize, canSeeIdentifiers } from "../policy";
import { subjectModel } from "../read-model/subject";
import { coordinator } from "../read-model/user";
import { visitJoins, visitModel } from "../read-model/visit";
import { RETIRE_FACTS, visibleTo } from "../read-model/visible";
import type { VisitFilters, VisitFlag } from "../validation/visit";
import { outOfWindowSql, overdueSql } from "./flags";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The widest range one calendar query may ask for (a month grid is at most 42 days). */
export const MAX_RANGE_DAYS = 62;

/** What every visit list and the visit page show; de-identified for sponsors by the read models. */
function visitColumns(actor: Actor, now: Date) {
  const subject = subjectModel.fields(actor);
  return {
    ...visitModel.pick(actor, ["id", "siteId", "studyId"]),
    subjectRef: visits.subjectId,
    subjectCode: subject.subjectId,
    subjectName: subject.fullName,
    protocolId: studies.protocolId,
    ...visitModel.pick(actor, ["visitType", "scheduledAt", "visitStatus", "location", "coordinatorId"]),
    coordinatorName: coordinator.displayName,
    ...visitModel.pick(actor, ["scheduleItemId", "windowStart", "windowEnd", "completedAt", "statusReason", "version", ...RETIRE_FACTS]),
    siteTimezone: sites.timezone,
    overdue: overdueSql(now).mapWith(Boolean),
    outOfWindow: outOfWindowSql().mapWith(Boolean),
  };
}
export type VisitRow = SelectResultFields<ReturnType<typeof visitColumns>>;

function filterWhere(filters: VisitFilters = {}): SQL[] {
  const out: SQL[] = [];
  if (filters.studyId) out.push(eq(visits.studyId, filters.studyId));
  if (filters.visitStatus) out.push(eq(visits.visitStatus, filters.visitStatus));
  if (filters.coordinatorId) out.push(eq(visits.coordinatorId, filters.coordinatorId));
  return out;
}

/** The zone the actor's calendar is drawn in: their site's; UTC for people without a site. */
export const calendarTimeZone = (actor: Actor) => actor.siteTimezone ?? "UTC";

export type RangeResult = Page<VisitRow & { localDay: IsoDate }> & {
  /** Visits per site-local day in the range (all of them, also those a grid leaves out). */
  dayTotals: Record<IsoDate, number>;
};

/**
 * The visits scheduled on the site-local days `from`..`to` (inclusive, in the actor's calendar
 * zone), in time order. `perDay` keeps only the first N of each day (grids); `pageSize`/`page`
 * paginate (agenda, export). Rows carry their day and flags.
 */
export async function listVisitsInRange(
  actor: Actor,
  opts: { from: IsoDate; to: IsoDate; filters?: VisitFilters; perDay?: number; page?: number; pageSize?: number; now?: Date },
): Promise<RangeResult> {
  authorize(actor, "visit.read");
  checkRange(opts.from, opts.to);
  const tz = calendarTimeZone(actor);
  const now = opts.now ?? new Date();
  const pageSize = Math.max(1, Math.floor(opts.pageSize ?? 10_000));
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const db = await getDb();
  const rows = await rangeSelect(db, actor, { ...opts, page, pageSize }, tz, now);

  const dayTotals: Record<IsoDate, number> = {};
  for (const r of rows) dayTotals[r.localDay] = r.dayTotal;
  const total = rows[0]?.total ?? 0;
  const clean = rows.map(({ dayTotal: _d, total: _t, ...r }) => (void _d, void _t, r));
  return { ...pageOf(clean, total, page, pageSize), dayTotals };
}

function checkRange(from: IsoDate, to: IsoDate): void {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new ValidationError("Choose a valid date.", { date: ["Choose a valid date."] });
  if (to < from || addDaysIso(from, MAX_RANGE_DAYS - 1) < to) {
    throw new ValidationError(`Choose a range of 1 to ${MAX_RANGE_DAYS} days.`, { date: ["Choose a shorter range."] });
  }
}

/**
 * Every visit of the calendar range, or of a flag list (capped), as a select for the CSV export's
 * cursor (lib/export); in an object, unrun.
 */
export async function visitExportQuery(
  actor: Actor,
  opts: { flag?: VisitFlag; from: IsoDate; to: IsoDate; filters?: VisitFilters; now?: Date },
  limit: number,
) {
  authorize(actor, "visit.read");
  const now = opts.now ?? new Date();
  const db = await getDb();
  if (opts.flag) return { query: flaggedSelect(db, actor, { flag: opts.flag, filters: opts.filters, page: 1, pageSize: limit }, now) };
  checkRange(opts.from, opts.to);
  return { query: rangeSelect(db, actor, { from: opts.from, to: opts.to, filters: opts.filters, page: 1, pageSize: limit }, calendarTimeZone(actor), now) };
}

/** The range's rows in calendar order, one page of them (the export's page is all, capped; read by a cursor). */
function rangeSelect(
  db: Db,
  actor: Actor,
  opts: { from: IsoDate; to: IsoDate; filters?: VisitFilters; perDay?: number; page: number; pageSize: number },
  tz: string,
  now: Date,
) {
  const { from, to, page, pageSize } = opts;
  const localDay = sql`(${visits.scheduledAt} at time zone ${tz})::date`;
  const inRange = and(
    visibleTo(actor, visits, { retired: opts.filters?.retired }),
    gte(visits.scheduledAt, startOfLocalDay(from, tz)),
    lt(visits.scheduledAt, startOfLocalDay(addDaysIso(to, 1), tz)),
    ...filterWhere(opts.filters),
  );

  // Rank within each local day on the visits table alone (the range is one index scan), then
  // join the few rows that survive.
  const ranked = db.$with("ranked").as(
    db
      .select({
        visitId: sql<string>`${visits.id}`.as("visit_id"),
        localDay: sql<string>`${localDay}::text`.as("local_day"),
        dayRank: sql<number>`row_number() over (partition by ${localDay} order by ${visits.scheduledAt}, ${visits.id})`.as("day_rank"),
        dayTotal: sql<number>`count(*) over (partition by ${localDay})`.as("day_total"),
        total: sql<number>`count(*) over ()`.as("total"),
      })
      .from(visits)
      .where(inRange),
  );
  return db
    .with(ranked)
    .select({
      ...visitColumns(actor, now),
      localDay: ranked.localDay,
      dayTotal: sql<number>`${ranked.dayTotal}`.mapWith(Number),
      total: sql<number>`${ranked.total}`.mapWith(Number),
    })
    .from(ranked)
    .innerJoin(visits, eq(visits.id, ranked.visitId))
    .innerJoin(...visitJoins.subject)
    .innerJoin(...visitJoins.study)
    .innerJoin(...visitJoins.site)
    .innerJoin(...visitJoins.coordinator)
    // The range again on the joined table: the planner cannot know how few ranked rows survive,
    // and would otherwise read every visit to join them back.
    .where(and(inRange, opts.perDay ? lte(ranked.dayRank, opts.perDay) : undefined))
    .orderBy(asc(visits.scheduledAt), asc(visits.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

export const FLAGGED_PAGE_SIZE = 50;

/**
 * Flagged visits whatever their date, a page at a time: overdue ones oldest first (longest
 * waiting), out-of-window ones newest first.
 */
export async function listFlaggedVisits(
  actor: Actor,
  opts: { flag: VisitFlag; page?: number; pageSize?: number; filters?: VisitFilters; now?: Date },
): Promise<Page<VisitRow>> {
  authorize(actor, "visit.read");
  const now = opts.now ?? new Date();
  const pageSize = Math.max(1, Math.floor(opts.pageSize ?? FLAGGED_PAGE_SIZE));
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const rows = await flaggedSelect(await getDb(), actor, { ...opts, page, pageSize }, now);
  const total = rows[0]?.total ?? 0;
  const clean = rows.map(({ total: _t, ...r }) => (void _t, r));
  return pageOf(clean, total, page, pageSize);
}

/** One page of a flag list's rows, in its order (the export's page is all, capped; read by a cursor). */
function flaggedSelect(db: Db, actor: Actor, opts: { flag: VisitFlag; page: number; pageSize: number; filters?: VisitFilters }, now: Date) {
  if (opts.flag !== "overdue" && opts.flag !== "out_of_window") {
    throw new ValidationError("Choose a flag.", { flag: ["Choose overdue or out of window."] });
  }
  const { page, pageSize } = opts;
  // The plain column conditions beside each flag let the planner use the (site, status, time) index.
  const flagWhere =
    opts.flag === "overdue"
      ? and(eq(visits.visitStatus, "scheduled"), overdueSql(now))
      : and(inArray(visits.visitStatus, ["scheduled", "completed"]), or(sql`${visits.windowStart} is not null`, sql`${visits.windowEnd} is not null`), outOfWindowSql());
  const order = opts.flag === "overdue" ? asc(visits.scheduledAt) : desc(visits.scheduledAt);
  // Find and count the page on visits (+ the site's zone) alone; join the rest for its rows only.
  const flagged = db.$with("flagged").as(
    db
      .select({
        visitId: sql<string>`${visits.id}`.as("visit_id"),
        total: sql<number>`count(*) over ()`.as("total"),
      })
      .from(visits)
      .innerJoin(...visitJoins.site)
      .where(and(visibleTo(actor, visits, { retired: opts.filters?.retired }), flagWhere, ...filterWhere(opts.filters)))
      .orderBy(order, asc(visits.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  );
  return db
    .with(flagged)
    .select({ ...visitColumns(actor, now), total: sql<number>`${flagged.total}`.mapWith(Number) })
    .from(flagged)
    .innerJoin(visits, eq(visits.id, flagged.visitId))
    .innerJoin(...visitJoins.subject)
    .innerJoin(...visitJoins.study)
    .innerJoin(...visitJoins.site)
    .innerJoin(...visitJoins.coordinator)
    .orderBy(order, asc(visits.id));
}

/** One visit; a foreign site's (or a malformed id) is "not found". */
export async function getVisit(actor: Actor, id: string, now = new Date()): Promise<VisitRow & { scheduleItemName: string | null }> {
  authorize(actor, "visit.read");
  if (!UUID.test(id)) throw new NotFoundError();
  const db = await getDb();
  const [row] = await db
    .select({
      ...visitColumns(actor, now),
      scheduleItemName: sql<string | null>`(select ${visitScheduleItems.name} from ${visitScheduleItems} where ${visitScheduleItems.id} = ${visits.scheduleItemId})`,
    })
    .from(visits)
    .innerJoin(...visitJoins.subject)
    .innerJoin(...visitJoins.study)
    .innerJoin(...visitJoins.site)
    .innerJoin(...visitJoins.coordinator)
    .where(and(eq(visits.id, id), visibleTo(actor, visits)))
    .limit(1);
  if (!row) throw new NotFoundError();
  authorize(actor, "visit.read", { siteId: row.siteId, studyId: row.studyId });
  return row;
}

export type VisitHistoryEntry = HistoryEntry;

/** A visit's changes from the audit trail (reschedules, completion, …), oldest first. */
export async function listVisitHistory(actor: Actor, visitId: string): Promise<VisitHistoryEntry[]> {
  // Visibility first: the history of a visit one may not see is "not found" like the visit.
  const visit = await getVisit(actor, visitId);
  const db = await getDb();
  const rows = await selectHistory(db, ["visit"], [visit.id], { limit: 200, viewer: actor });
  return presentHistory(actor, rows);
}

export type SchedulableSubject = { id: string; label: string; coordinatorId: string };
export const SCHEDULABLE_LIMIT = 100;

/**
 * Subjects a visit may be scheduled for (in screening or enrolled), as choices for the schedule
 * form: a search narrows a large site's list; `includeId` (the preselected subject) is always there.
 */
export async function listSchedulableSubjects(
  actor: Actor,
  opts: { q?: string; includeId?: string } = {},
): Promise<{ options: SchedulableSubject[]; more: boolean }> {
  authorize(actor, "visit.create");
  const db = await getDb();
  const q = opts.q?.trim().slice(0, 100);
  const include = opts.includeId && UUID.test(opts.includeId) ? opts.includeId : null;
  const match = q ? or(ilike(subjects.subjectId, containsPattern(q)), ilike(subjects.fullName, containsPattern(q))) : undefined;
  const rows = await db
    .select({
      id: subjects.id,
      subjectId: subjects.subjectId,
      fullName: subjects.fullName,
      protocolId: studies.protocolId,
      coordinatorId: subjects.coordinatorId,
    })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .where(
      and(
        visibleTo(actor, subjects),
        inArray(subjects.status, ["screening", "enrolled"]),
        include ? or(match ?? sql`true`, eq(subjects.id, include)) : match,
      ),
    )
    // The preselected subject first, so the cap never drops it.
    .orderBy(include ? desc(sql`${subjects.id} = ${include}`) : asc(subjects.subjectId), asc(subjects.subjectId))
    .limit(SCHEDULABLE_LIMIT + 1);
  const options = rows.slice(0, SCHEDULABLE_LIMIT).map((s) => ({
    id: s.id,
    label: `${s.subjectId} · ${canSeeIdentifiers(actor) ? s.fullName : "—"} (${s.protocolId})`,
    coordinatorId: s.coordinatorId,
  }));
  options.sort((a, b) => a.label.localeCompare(b.label));
  return { options, more: rows.length > SCHEDULABLE_LIMIT };
}
