/** Sites as the API returns them: administrators only (site.manage), one query per page. */
import "server-only";
import { sites } from "@/db/schema";
import { siteCounts } from "../../../admin/sites";
import { scopeSites } from "../../../policy";
import { listFilters, resourceReader } from "../../resource-reader";
import { SITE_FIELDS, siteColumns, SITE_ORDER, type SiteListQuery } from "./schema";

export const siteReader = resourceReader({
  // Site setup is an administrator's: anyone else is refused (403) before a row is read.
  read: "site.manage",
  notFound: "Site not found.",
  order: SITE_ORDER,
  table: sites,
  columns: (actor) => ({ ...siteColumns.pick(actor, SITE_FIELDS), ...siteCounts() }),
  scope: scopeSites,
  filters: listFilters<SiteListQuery>()({}),
});
