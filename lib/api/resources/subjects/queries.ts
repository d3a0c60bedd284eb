/** Subjects as the API returns them: one site-scoped query per page, embeds joined in. */
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db } from "@/db";
import { studies, subjects, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { scopeWhere } from "../../../policy";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { embeddedStudyColumns, embeddedUserColumns, subjectColumns } from "../common";
import type { SUBJECT_ORDER, SubjectListQuery } from "./schema";

const ORDER: Record<(typeof SUBJECT_ORDER)[number], OrderField> = {
  subjectId: { column: subjects.subjectId, cast: "text" },
  createdAt: { column: subjects.createdAt, cast: "timestamptz" },
  updatedAt: { column: subjects.updatedAt, cast: "timestamptz" },
};

const coordinator = alias(users, "coordinator");

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>) {
  const query = db
    .select({
      ...subjectColumns(actor),
      _key: key,
      ...(include.has("study") ? { study: embeddedStudyColumns() } : {}),
      ...(include.has("coordinator") ? { coordinator: embeddedUserColumns(coordinator) } : {}),
    })
    .from(subjects)
    .$dynamic();
  if (include.has("study")) query.innerJoin(studies, eq(studies.id, subjects.studyId));
  if (include.has("coordinator")) query.innerJoin(coordinator, eq(coordinator.id, subjects.coordinatorId));
  return query.where(and(isNull(subjects.retiredAt), scopeWhere(actor, subjects), where));
}

const reader = resourceReader({
  read: "subject.read",
  notFound: "Subject not found.",
  idColumn: subjects.id,
  order: ORDER,
  select,
  filters: listFilters<SubjectListQuery>()({
    studyId: (v) => eq(subjects.studyId, v),
    screeningStatus: (v) => eq(subjects.screeningStatus, v),
    status: (v) => eq(subjects.status, v),
  }),
});

export const listSubjects = reader.list;
/** The same page as JSON text built by the database, for REST (lib/api/json-select). */
export const listSubjectsJson = reader.listJson;
export const getSubjectResource = reader.get;
