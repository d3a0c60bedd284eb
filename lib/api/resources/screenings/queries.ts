/** Screenings as the API returns them: one site-scoped query per page, embeds joined in. */
import { and, eq, gte, isNull, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db";
import { screenings, studies, subjects, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { identifying } from "../../../deidentify-sql";
import { NotFoundError } from "../../../errors";
import { authorize, scopeWhere } from "../../../policy";
import { keyset, pageFrom, parseOrder, type OrderField, type Page } from "../../list";
import { embeddedStudyColumns, embeddedSubjectColumns, embeddedUserColumns, isUuid } from "../common";
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

export async function listScreenings(actor: Actor, q: ScreeningListQuery): Promise<Page<unknown>> {
  authorize(actor, "screening.read");
  const { field, descending } = parseOrder<(typeof SCREENING_ORDER)[number]>(q.order);
  const page = keyset(ORDER[field], descending, screenings.id, q.cursor);
  const rows = await select(
    await getDb(),
    actor,
    and(
      q.studyId ? eq(screenings.studyId, q.studyId) : undefined,
      q.subjectId ? eq(screenings.subjectId, q.subjectId) : undefined,
      q.screeningStatus ? eq(screenings.screeningStatus, q.screeningStatus) : undefined,
      q.screeningFrom ? gte(screenings.screeningDate, q.screeningFrom) : undefined,
      q.screeningTo ? lte(screenings.screeningDate, q.screeningTo) : undefined,
      page.after,
    ),
    q.include,
    page.key,
  )
    .orderBy(...page.orderBy)
    .limit(q.limit + 1);
  return pageFrom(rows, q.limit);
}

export async function getScreeningResource(actor: Actor, id: string, include: ReadonlySet<string> = new Set()) {
  authorize(actor, "screening.read");
  if (!isUuid(id)) throw new NotFoundError("Screening not found.");
  const [row] = await select(await getDb(), actor, eq(screenings.id, id), include, sql<string>`''`).limit(1);
  if (!row) throw new NotFoundError("Screening not found.");
  const { _key, ...screening } = row;
  void _key;
  return screening;
}
