/** Subjects as the API returns them: one site-scoped query per page, embeds joined in. */
import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { type Db } from "@/db";
import { subjects } from "@/db/schema";
import type { Actor } from "../../../actor";
import { subjectIncludes, subjectModel } from "../../../read-model/subject";
import { visibleTo, type RetiredFilter } from "../../../read-model/visible";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { SUBJECT_FIELDS, type SUBJECT_ORDER, type SubjectListQuery } from "./schema";

const ORDER: Record<(typeof SUBJECT_ORDER)[number], OrderField> = {
  subjectId: { column: subjects.subjectId, cast: "text" },
  createdAt: { column: subjects.createdAt, cast: "timestamptz" },
  updatedAt: { column: subjects.updatedAt, cast: "timestamptz" },
};

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>, retired?: RetiredFilter) {
  const query = db
    .select({ ...subjectModel.pick(actor, SUBJECT_FIELDS), _key: key, ...subjectIncludes.fields(actor, include) })
    .from(subjects)
    .$dynamic();
  return subjectIncludes.join(query, include).where(and(visibleTo(actor, subjects, { retired }), where));
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
