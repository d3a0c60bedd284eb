/**
 * Visits as the API returns them: one site-scoped query per page, embeds joined in. The
 * out-of-window flag is the web app's own SQL (lib/visits/flags.ts), read in the visit's site zone.
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db } from "@/db";
import { sites, studies, subjects, users, visits } from "@/db/schema";
import type { Actor } from "../../../actor";
import { identifying } from "../../../deidentify-sql";
import { scopeWhere } from "../../../policy";
import { outOfWindowSql } from "../../../visits/flags";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { embeddedStudyColumns, embeddedSubjectColumns, embeddedUserColumns } from "../common";
import type { VISIT_ORDER, VisitListQuery } from "./schema";

const ORDER: Record<(typeof VISIT_ORDER)[number], OrderField> = {
  scheduledAt: { column: visits.scheduledAt, cast: "timestamptz" },
  createdAt: { column: visits.createdAt, cast: "timestamptz" },
  updatedAt: { column: visits.updatedAt, cast: "timestamptz" },
};

const coordinator = alias(users, "coordinator");

/** The visit's own columns; the free-text reason is null for sponsors (decided in SQL). */
function visitColumns(actor: Actor) {
  return {
    id: visits.id,
    subjectId: visits.subjectId,
    studyId: visits.studyId,
    siteId: visits.siteId,
    visitType: visits.visitType,
    scheduledAt: visits.scheduledAt,
    visitStatus: visits.visitStatus,
    location: visits.location,
    coordinatorId: visits.coordinatorId,
    scheduleItemId: visits.scheduleItemId,
    windowStart: visits.windowStart,
    windowEnd: visits.windowEnd,
    completedAt: visits.completedAt,
    statusReason: identifying(actor, visits.statusReason),
    // Needs `sites` joined: the flag reads dates in the visit's site time zone.
    outOfWindow: outOfWindowSql().mapWith(Boolean),
    version: visits.version,
    createdAt: visits.createdAt,
    updatedAt: visits.updatedAt,
  };
}

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>) {
  const query = db
    .select({
      ...visitColumns(actor),
      _key: key,
      ...(include.has("subject") ? { subject: embeddedSubjectColumns(actor) } : {}),
      ...(include.has("study") ? { study: embeddedStudyColumns() } : {}),
      ...(include.has("coordinator") ? { coordinator: embeddedUserColumns(coordinator) } : {}),
    })
    .from(visits)
    .innerJoin(sites, eq(sites.id, visits.siteId))
    .$dynamic();
  if (include.has("subject")) query.innerJoin(subjects, eq(subjects.id, visits.subjectId));
  if (include.has("study")) query.innerJoin(studies, eq(studies.id, visits.studyId));
  if (include.has("coordinator")) query.innerJoin(coordinator, eq(coordinator.id, visits.coordinatorId));
  return query.where(and(isNull(visits.retiredAt), scopeWhere(actor, visits), where));
}

const reader = resourceReader({
  read: "visit.read",
  notFound: "Visit not found.",
  idColumn: visits.id,
  order: ORDER,
  select,
  filters: listFilters<VisitListQuery>()({
    studyId: (v) => eq(visits.studyId, v),
    subjectId: (v) => eq(visits.subjectId, v),
    visitStatus: (v) => eq(visits.visitStatus, v),
    visitType: (v) => eq(visits.visitType, v),
    // The instant as the client wrote it (an offset or Z); PostgreSQL reads it as timestamptz.
    scheduledFrom: (v) => sql`${visits.scheduledAt} >= cast(${v} as timestamptz)`,
    scheduledTo: (v) => sql`${visits.scheduledAt} < cast(${v} as timestamptz)`,
  }),
});

export const listVisitsResource = reader.list;
/** The same page as JSON text built by the database, for REST (lib/api/json-select). */
export const listVisitsResourceJson = reader.listJson;
export const getVisitResource = reader.get;
