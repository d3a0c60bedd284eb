import "server-only";
import { getTableColumns } from "drizzle-orm";
import { z } from "zod";
import { sites } from "@/db/schema";
import { siteFields } from "../../../validation/admin";
import { listQueryShape } from "../../list";
import { columnsModel } from "../columns-model";
import { modelFields, RECORD_FIELDS, versionField } from "../common";

export const siteColumns = columnsModel(getTableColumns(sites), "site.manage");
/** A site's own columns as the API carries them; ./queries.ts selects exactly these. */
export const SITE_FIELDS = [...RECORD_FIELDS, "name", "timezone"] as const;

export const Site = z
  .object({
    ...modelFields(siteColumns, SITE_FIELDS, { timezone: "IANA time zone every site-local date is read in." }),
    studyCount: z.number().int(),
    staffCount: z.number().int().describe("Active coordinators and investigators of the site."),
  })
  .meta({ id: "Site" });

export const SITE_ORDER = ["name", "createdAt"] as const;
export const SITE_INCLUDE = [] as const;

export const SiteListQuery = z.object(listQueryShape({ order: SITE_ORDER, defaultOrder: "name", include: SITE_INCLUDE })).strict();
export type SiteListQuery = z.output<typeof SiteListQuery>;

/** PATCH (administrators): the fields to change and the version read; the rest stays as it is. */
export const SitePatch = siteFields.partial().extend({ version: versionField }).strict().meta({ id: "SitePatch" });
