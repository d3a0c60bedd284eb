/** /api/v1/sites — the same lib functions as the admin's site setup (administrators only). */
import { createSite, updateSite } from "../../../admin/sites";
import { createSiteSchema } from "../../../validation/admin";
import { createCommand, libCall, ON_UNADDRESSED_CREATE, updateCommand } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { siteReader } from "./queries";
import { Site, SITE_INCLUDE, SiteListQuery, SitePatch } from "./schema";

const home = { tag: "Sites", path: "/sites", noun: "site" };

export const siteCommands = [
  createCommand(home, {
    summary: "Create a site with its time zone (administrators)",
    body: createSiteSchema,
    errors: ON_UNADDRESSED_CREATE,
    run: libCall(createSite),
  }),
  updateCommand(home, {
    summary: "Rename a site or change its time zone (administrators; applies from everyone's next request)",
    body: SitePatch,
    run: libCall(updateSite),
  }),
];

export const siteResource = resource({
  home,
  schema: Site,
  listQuery: SiteListQuery,
  include: SITE_INCLUDE,
  reader: siteReader,
  commands: siteCommands,
});
export const siteRoutes = resourceRoutes(siteResource);

