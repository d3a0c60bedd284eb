/** Screenings as the API returns them: one site-scoped query per page, embeds joined in. */
import { and, eq, gte, isNull, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db } from "@/db";
import { screenings, studies, subjects, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { identifying } from "../../../deidentify-sql";
import { scopeWhere } from "../../../policy";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { embeddedStudyColumns, embeddedSubjectColumns, embeddedUserColumns } from "../common";
import type { SCREENING_ORDER, ScreeningListQuery } from "./schema";

const ORDER: Record<(typeof SCREENING_ORDER)[number], OrderField> = {
  screeningDate: { column: screenings.screeningDate, cast: "date" },
  createdAt: { column: screenings.createdAt, cast: "timestamptz" },
  updatedAt: { column: screenings.updatedAt, cast: "timestamptz" },
};

const completedBy = alias(users, "completed_by");

/** The screening's own columns; free text is null for sponsors (decided in SQL). */
function screeningColumns(actor: Actor) {
  return {
    id: screenings.id,
    subjectId: screenings.subjectId,
    studyId: screenings.studyId,
    siteId: screenings.siteId,
    screeningStatus: screenings.screeningStatus,
    screeningDate: screenings.screeningDate,
    completedById: screenings.completedById,
    notes: identifying(actor, screenings.notes),
    failReason: identifying(actor, screenings.failReason),
    version: screenings.version,
    createdAt: screenings.createdAt,
    updatedAt: screenings.updatedAt,
  };
}

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>) {
  const query = db
    .select({
      ...screeningColumns(actor),
      _key: key,
      ...(include.has("subject") ? { subject: embeddedSubjectColumns(actor) } : {}),
      ...(include.has("study") ? { study: embeddedStudyColumns() } : {}),
      ...(include.has("completedBy") ? { completedBy: embeddedUserColumns(completedBy) } : {}),
    })
    .from(screenings)
    .$dynamic();
  if (include.has("subject")) query.innerJoin(subjects, eq(subjects.id, screenings.subjectId));
  if (include.has("study")) query.innerJoin(studies, eq(studies.id, screenings.studyId));
  if (include.has("completedBy")) query.innerJoin(completedBy, eq(completedBy.id, screenings.completedById));
  return query.where(and(isNull(screenings.retiredAt), scopeWhere(actor, screenings), where));
}

const reader = resourceReader({
  read: "screening.read",
  notFound: "Screening not found.",
  idColumn: screenings.id,
  order: ORDER,
  select,
  filters: listFilters<ScreeningListQuery>()({
    studyId: (v) => eq(screenings.studyId, v),
    subjectId: (v) => eq(screenings.subjectId, v),
    screeningStatus: (v) => eq(screenings.screeningStatus, v),
    screeningFrom: (v) => gte(screenings.screeningDate, v),
    screeningTo: (v) => lte(screenings.screeningDate, v),
  }),
});

export const listScreenings = reader.list;
/** The same page as JSON text built by the database, for REST (lib/api/json-select). */
export const listScreeningsJson = reader.listJson;
export const getScreeningResource = reader.get;
