/** Studies as the API returns them: one query per page, scoped by scopeStudies(actor). */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db";
import { sites, studies, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { NotFoundError } from "../../../errors";
import { authorize, scopeStudies } from "../../../policy";
import { keyset, pageFrom, parseOrder, type OrderField, type Page } from "../../list";
import { embeddedUserColumns, isUuid } from "../common";
import type { STUDY_ORDER, StudyListQuery } from "./schema";

const ORDER: Record<(typeof STUDY_ORDER)[number], OrderField> = {
  protocolId: { column: studies.protocolId, cast: "text" },
  createdAt: { column: studies.createdAt, cast: "timestamptz" },
  updatedAt: { column: studies.updatedAt, cast: "timestamptz" },
};

const pi = alias(users, "principal_investigator");

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>) {
  const query = db
    .select({
      id: studies.id,
      version: studies.version,
      createdAt: studies.createdAt,
      updatedAt: studies.updatedAt,
      protocolId: studies.protocolId,
      title: studies.title,
      status: studies.status,
      principalInvestigatorId: studies.principalInvestigatorId,
      siteId: studies.siteId,
      siteName: sites.name,
      _key: key,
      ...(include.has("principalInvestigator") ? { principalInvestigator: embeddedUserColumns(pi) } : {}),
      ...(include.has("site") ? { site: { id: sites.id, name: sites.name, timezone: sites.timezone } } : {}),
    })
    .from(studies)
    .innerJoin(sites, eq(sites.id, studies.siteId))
    .$dynamic();
  if (include.has("principalInvestigator")) query.innerJoin(pi, eq(pi.id, studies.principalInvestigatorId));
  return query.where(and(scopeStudies(actor), where));
}

export async function listStudyResources(actor: Actor, q: StudyListQuery): Promise<Page<unknown>> {
  authorize(actor, "study.read");
  const { field, descending } = parseOrder<(typeof STUDY_ORDER)[number]>(q.order);
  const page = keyset(ORDER[field], descending, studies.id, q.cursor);
  const rows = await select(
    await getDb(),
    actor,
    and(q.status ? eq(studies.status, q.status) : undefined, q.siteId ? eq(studies.siteId, q.siteId) : undefined, page.after),
    q.include,
    page.key,
  )
    .orderBy(...page.orderBy)
    .limit(q.limit + 1);
  return pageFrom(rows, q.limit);
}

export async function getStudyResource(actor: Actor, id: string, include: ReadonlySet<string> = new Set()) {
  authorize(actor, "study.read");
  if (!isUuid(id)) throw new NotFoundError("Study not found.");
  const [row] = await select(await getDb(), actor, eq(studies.id, id), include, sql<string>`''`).limit(1);
  if (!row) throw new NotFoundError("Study not found.");
  const { _key, ...study } = row;
  void _key;
  return study;
}
