/** Sites as the API returns them: administrators only (site.manage), one query per page. */
import "server-only";
import { siteCounts } from "../../../admin/sites";
import { scopeSites } from "../../../policy";
import { listFilters, resourceReader } from "../../resource-reader";
import { SITE_FIELDS, siteColumns, SITE_ORDER, type SiteListQuery } from "./schema";

// Site setup is an administrator's (site.manage): anyone else is refused (403) before a row is read.
export const siteReader = resourceReader(siteColumns, SITE_FIELDS, {
  noun: "site",
  order: SITE_ORDER,
  computed: siteCounts,
  scope: scopeSites,
  filters: listFilters<SiteListQuery>()({}),
});
