/**
 * The screening queue: subjects still in screening with their LATEST screening, read in one query
 * (a LATERAL join on screenings_subject_date_idx) plus one COUNT, whatever the site's size.
 */
import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db";
import { screenings, studies, subjects } from "@/db/schema";
import type { Actor } from "../actor";
import { EXPORT_ROW_LIMIT } from "../export/limits";
import { containsPattern } from "../list/like-pattern";
import { pageOf, type Page } from "../list/params";
import { authorize, canSeeIdentifiers } from "../policy";
import { screeningModel } from "../read-model/screening";
import { subjectJoins, subjectModel } from "../read-model/subject";
import { completedBy } from "../read-model/user";
import { RETIRE_FACTS, visibleTo } from "../read-model/visible";
import type { QueueFilters, QueueState } from "./queue-params";
import type { ScreeningStatus, SubjectStatus } from "./types";

/** Subjects past screening (enrolled, withdrawn…) have left the queue; their history is on the timeline. */
const IN_SCREENING: SubjectStatus[] = ["screening", "screen_failed"];
const AWAITING: ScreeningStatus[] = ["pending", "rescreen"];

function queueWhere(actor: Actor, filters: QueueFilters): SQL {
  const pattern = filters.q ? containsPattern(filters.q) : null;
  return and(
    visibleTo(actor, subjects, { retired: filters.retired }),
    inArray(subjects.status, IN_SCREENING),
    filters.screeningStatus ? eq(subjects.screeningStatus, filters.screeningStatus) : inArray(subjects.screeningStatus, AWAITING),
    filters.studyId ? eq(subjects.studyId, filters.studyId) : undefined,
    // Sponsors search by subject ID only: matching on a name they may not see would reveal it.
    pattern
      ? or(ilike(subjects.subjectId, pattern), canSeeIdentifiers(actor) ? ilike(subjects.fullName, pattern) : undefined)
      : undefined,
  )!;
}

/** A screening retired as entered in error, listed under its subject when the queue shows retired records. */
export type RetiredScreening = { id: string; screeningDate: string; screeningStatus: ScreeningStatus; retireReason: string | null };

/** The subject's retired screenings, newest first, as one JSON column (the reason withheld from sponsors by the read model). */
function retiredScreenings(actor: Actor): SQL<RetiredScreening[]> {
  const s = screeningModel.fields(actor);
  return sql<RetiredScreening[]>`coalesce((
    select json_agg(json_build_object('id', ${screenings.id}, 'screeningDate', ${screenings.screeningDate}, 'screeningStatus', ${screenings.screeningStatus}, 'retireReason', ${s.retireReason})
      order by ${screenings.screeningDate} desc, ${screenings.createdAt} desc)
    from ${screenings}
    where ${and(eq(screenings.subjectId, subjects.id), visibleTo(actor, screenings, { retired: "only" }))}
  ), '[]'::json)`;
}

function queueSelect(db: Db, actor: Actor, state: Pick<QueueState, "filters" | "sort">) {
  // The newest non-retired screening of each subject; evaluated per subject via the index.
  const own = screeningModel.pick(actor, ["id", "screeningDate", "screeningStatus", "completedById", "notes", "failReason"]);
  const latest = db
    .select({
      ...own,
      // Expressions in a subquery need names of their own.
      screeningStatus: sql<ScreeningStatus>`${own.screeningStatus}`.as("latest_status"),
      notes: own.notes.as("latest_notes"),
      failReason: own.failReason.as("latest_fail_reason"),
    })
    .from(screenings)
    .where(and(eq(screenings.subjectId, subjects.id), isNull(screenings.retiredAt)))
    .orderBy(desc(screenings.screeningDate), desc(screenings.createdAt))
    .limit(1)
    .as("latest");

  const { key, dir } = state.sort;
  const by = (col: SQL | AnyPgColumn) => (dir === "desc" ? desc(col) : asc(col));
  const newestFirst = sql`${latest.screeningDate} desc nulls first`;
  const order: SQL[] = {
    queue: [sql`case when ${subjects.screeningStatus} in ('pending', 'rescreen') then 0 else 1 end`, newestFirst, desc(subjects.createdAt)],
    subjectId: [by(subjects.subjectId)],
    // Sponsors cannot sort by a name they may not see.
    fullName: canSeeIdentifiers(actor) ? [by(sql`lower(${subjects.fullName})`)] : [by(subjects.subjectId)],
    study: [by(studies.protocolId), asc(subjects.subjectId)],
    screeningStatus: [by(subjects.screeningStatus), newestFirst],
    screeningDate: [dir === "desc" ? newestFirst : sql`${latest.screeningDate} asc nulls last`],
  }[key];

  return db
    .select({
      ...subjectModel.pick(actor, ["id", "subjectId", "fullName", "studyId"]),
      protocolId: studies.protocolId,
      ...subjectModel.pick(actor, ["screeningStatus", "status", "consentSignedAt", "version", ...RETIRE_FACTS]),
      retiredScreenings: state.filters.retired ? retiredScreenings(actor) : sql<RetiredScreening[]>`'[]'::json`,
      latest: {
        id: latest.id,
        screeningDate: latest.screeningDate,
        screeningStatus: latest.screeningStatus,
        completedById: latest.completedById,
        completedByName: sql<string>`coalesce(${completedBy.displayName}, '—')`,
        notes: latest.notes,
        failReason: latest.failReason,
      },
    })
    .from(subjects)
    .innerJoin(...subjectJoins.study)
    .leftJoinLateral(latest, sql`true`)
    .leftJoin(completedBy, eq(completedBy.id, latest.completedById))
    .where(queueWhere(actor, state.filters))
    .orderBy(...order, asc(subjects.id));
}

/** Drizzle makes a nested object null only when all its fields are; `id` says whether there is one. */
function presentQueueRows<R extends { latest: { id: string | null } | null }>(rows: R[]) {
  return rows.map((r) => ({ ...r, latest: r.latest?.id ? r.latest : null }));
}

async function queueRows(actor: Actor, state: Pick<QueueState, "filters" | "sort">, limit: number, offset: number) {
  const db = await getDb();
  return presentQueueRows(await queueSelect(db, actor, state).limit(limit).offset(offset));
}
/** A queue row (and a CSV export row), inferred from the query. */
export type QueueRow = Awaited<ReturnType<typeof queueRows>>[number];

/** One page of the queue and the total: two queries. */
export async function listScreeningQueue(actor: Actor, state: QueueState): Promise<Page<QueueRow>> {
  authorize(actor, "screening.read");
  const db = await getDb();
  const [rows, [count]] = await Promise.all([
    queueRows(actor, state, state.pageSize, (state.page - 1) * state.pageSize),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(subjects).where(queueWhere(actor, state.filters)),
  ]);
  return pageOf(rows, count?.n ?? 0, state.page, state.pageSize);
}

/**
 * The whole filtered queue for a CSV export (capped), as a select the export streams through a
 * cursor (lib/export) and what to do to each batch. In an object: an async function returning a
 * query would run it.
 */
export async function screeningQueueExportQuery(actor: Actor, state: Pick<QueueState, "filters" | "sort">) {
  authorize(actor, "screening.read");
  authorize(actor, "export");
  const db = await getDb();
  return { query: queueSelect(db, actor, state).limit(EXPORT_ROW_LIMIT), present: presentQueueRows };
}

/** The whole filtered queue as the export selects it. */
export async function exportScreeningQueue(actor: Actor, state: Pick<QueueState, "filters" | "sort">): Promise<QueueRow[]> {
  const { query, present } = await screeningQueueExportQuery(actor, state);
  return present(await query);
}
