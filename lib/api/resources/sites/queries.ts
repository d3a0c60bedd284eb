/** Sites as the API returns them: administrators only (site.manage), one query per page. */
import "server-only";
import { and, type SQL } from "drizzle-orm";
import { type Db } from "@/db";
import { sites } from "@/db/schema";
import type { Actor } from "../../../actor";
import { siteCounts } from "../../../admin/sites";
import { scopeSites } from "../../../policy";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { SITE_FIELDS, siteColumns, type SITE_ORDER, type SiteListQuery } from "./schema";

const ORDER: Record<(typeof SITE_ORDER)[number], OrderField> = {
  name: { column: sites.name, cast: "text" },
  createdAt: { column: sites.createdAt, cast: "timestamptz" },
};

function select(db: Db, actor: Actor, where: SQL | undefined, _include: ReadonlySet<string>, key: SQL<string>) {
  return db
    .select({ ...siteColumns.pick(SITE_FIELDS), ...siteCounts(), _key: key })
    .from(sites)
    .where(and(scopeSites(actor), where))
    .$dynamic();
}

const reader = resourceReader({
  // Site setup is an administrator's: anyone else is refused (403) before a row is read.
  read: "site.manage",
  notFound: "Site not found.",
  idColumn: sites.id,
  order: ORDER,
  select,
  filters: listFilters<SiteListQuery>()({}),
});

export const listSiteResources = reader.list;
export const listSiteResourcesJson = reader.listJson;
export const getSiteResource = reader.get;
