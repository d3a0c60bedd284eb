/** Subjects as the API returns them: one site-scoped query per page, embeds joined in. */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db";
import { studies, subjects, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { NotFoundError } from "../../../errors";
import { authorize, scopeWhere } from "../../../policy";
import { keyset, pageFrom, parseOrder, type OrderField, type Page } from "../../list";
import { embeddedStudyColumns, embeddedUserColumns, isUuid, subjectColumns } from "../common";
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

export async function listSubjects(actor: Actor, q: SubjectListQuery): Promise<Page<unknown>> {
  authorize(actor, "subject.read");
  const { field, descending } = parseOrder<(typeof SUBJECT_ORDER)[number]>(q.order);
  const page = keyset(ORDER[field], descending, subjects.id, q.cursor);
  const rows = await select(
      await getDb(),
      actor,
      and(
        q.studyId ? eq(subjects.studyId, q.studyId) : undefined,
        q.screeningStatus ? eq(subjects.screeningStatus, q.screeningStatus) : undefined,
        q.status ? eq(subjects.status, q.status) : undefined,
        page.after,
      ),
      q.include,
      page.key,
    )
    .orderBy(...page.orderBy)
    .limit(q.limit + 1);
  return pageFrom(rows, q.limit);
}

export async function getSubjectResource(actor: Actor, id: string, include: ReadonlySet<string> = new Set()) {
  authorize(actor, "subject.read");
  if (!isUuid(id)) throw new NotFoundError("Subject not found.");
  const [row] = await select(await getDb(), actor, eq(subjects.id, id), include, sql<string>`''`).limit(1);
  if (!row) throw new NotFoundError("Subject not found.");
  const { _key, ...subject } = row;
  void _key;
  return subject;
}
