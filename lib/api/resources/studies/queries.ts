/** Studies as the API returns them: one query per page, scoped by scopeStudies(actor). */
import { and, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db } from "@/db";
import { sites, studies, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { scopeStudies } from "../../../policy";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { embeddedUserColumns } from "../common";
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

const reader = resourceReader({
  read: "study.read",
  notFound: "Study not found.",
  idColumn: studies.id,
  order: ORDER,
  select,
  filters: listFilters<StudyListQuery>()({ status: (v) => eq(studies.status, v), siteId: (v) => eq(studies.siteId, v) }),
});

export const listStudyResources = reader.list;
/** The same page as JSON text built by the database, for REST (lib/api/json-select). */
export const listStudyResourcesJson = reader.listJson;
export const getStudyResource = reader.get;
