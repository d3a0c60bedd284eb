/**
 * The screening queue: subjects still in screening with their LATEST screening, read in one query
 * (a LATERAL join on screenings_subject_date_idx) plus one COUNT, whatever the site's size.
 */
import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { screenings, studies, subjects, users } from "@/db/schema";
import type { Actor } from "../actor";
import { EXPORT_ROW_LIMIT } from "../export";
import { identifying } from "../deidentify-sql";
import { containsPattern } from "../list/like-pattern";
import { pageOf, type Page } from "../list/params";
import { authorize, canSeeIdentifiers, scopeWhere } from "../policy";
import type { QueueFilters, QueueState } from "./queue-params";
import type { ScreeningStatus, SubjectStatus } from "./types";

/** Subjects past screening (enrolled, withdrawn…) have left the queue; their history is on the timeline. */
const IN_SCREENING: SubjectStatus[] = ["screening", "screen_failed"];
const AWAITING: ScreeningStatus[] = ["pending", "rescreen"];

export type QueueRow = {
  id: string;
  subjectId: string;
  /** Null for sponsors (de-identified). */
  fullName: string | null;
  studyId: string;
  protocolId: string;
  screeningStatus: ScreeningStatus;
  status: SubjectStatus;
  consentSignedAt: Date | null;
  version: number;
  latest: {
    id: string;
    screeningDate: string;
    screeningStatus: ScreeningStatus;
    completedById: string;
    completedByName: string;
    /** Null for sponsors: free text is withheld from them (in the query). */
    notes: string | null;
    failReason: string | null;
  } | null;
};

function queueWhere(actor: Actor, filters: QueueFilters): SQL {
  const pattern = filters.q ? containsPattern(filters.q) : null;
  return and(
    scopeWhere(actor, subjects),
    isNull(subjects.retiredAt),
    inArray(subjects.status, IN_SCREENING),
    filters.screeningStatus ? eq(subjects.screeningStatus, filters.screeningStatus) : inArray(subjects.screeningStatus, AWAITING),
    filters.studyId ? eq(subjects.studyId, filters.studyId) : undefined,
    // Sponsors search by subject ID only: matching on a name they may not see would reveal it.
    pattern
      ? or(ilike(subjects.subjectId, pattern), canSeeIdentifiers(actor) ? ilike(subjects.fullName, pattern) : undefined)
      : undefined,
  )!;
}

async function queueRows(actor: Actor, state: Pick<QueueState, "filters" | "sort">, limit: number, offset: number): Promise<QueueRow[]> {
  const db = await getDb();
  // The newest non-retired screening of each subject; evaluated per subject via the index.
  const latest = db
    .select({
      id: screenings.id,
      screeningDate: screenings.screeningDate,
      screeningStatus: sql<ScreeningStatus>`${screenings.screeningStatus}`.as("latest_status"),
      completedById: screenings.completedById,
      // Free text: withheld from sponsors by the query itself.
      notes: identifying(actor, screenings.notes).as("latest_notes"),
      failReason: identifying(actor, screenings.failReason).as("latest_fail_reason"),
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

  const rows = await db
    .select({
      id: subjects.id,
      subjectId: subjects.subjectId,
      fullName: identifying(actor, subjects.fullName),
      studyId: subjects.studyId,
      protocolId: studies.protocolId,
      screeningStatus: subjects.screeningStatus,
      status: subjects.status,
      consentSignedAt: subjects.consentSignedAt,
      version: subjects.version,
      latestId: latest.id,
      latestDate: latest.screeningDate,
      latestStatus: latest.screeningStatus,
      completedById: latest.completedById,
      completedByName: users.displayName,
      notes: latest.notes,
      failReason: latest.failReason,
    })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .leftJoinLateral(latest, sql`true`)
    .leftJoin(users, eq(users.id, latest.completedById))
    .where(queueWhere(actor, state.filters))
    .orderBy(...order, asc(subjects.id))
    .limit(limit)
    .offset(offset);

  return rows.map((r) => ({
    id: r.id,
    subjectId: r.subjectId,
    fullName: r.fullName,
    studyId: r.studyId,
    protocolId: r.protocolId,
    screeningStatus: r.screeningStatus,
    status: r.status,
    consentSignedAt: r.consentSignedAt,
    version: r.version,
    latest: r.latestId
      ? {
          id: r.latestId,
          screeningDate: r.latestDate!,
          screeningStatus: r.latestStatus!,
          completedById: r.completedById!,
          completedByName: r.completedByName ?? "—",
          notes: r.notes,
          failReason: r.failReason,
        }
      : null,
  }));
}

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

/** The whole filtered queue for a CSV export (capped); one query. */
export async function exportScreeningQueue(actor: Actor, state: Pick<QueueState, "filters" | "sort">): Promise<QueueRow[]> {
  authorize(actor, "screening.read");
  authorize(actor, "export");
  return queueRows(actor, state, EXPORT_ROW_LIMIT, 0);
}
