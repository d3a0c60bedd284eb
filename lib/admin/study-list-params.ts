/** The studies list's URL state (page and filters), shared by the page and its CSV export. */
import { z } from "zod";
import { STUDY_STATUSES } from "@/domain/vocabulary";
import { optional, parseList, type SearchParams } from "../list/params";

export function parseStudyListParams(params: SearchParams) {
  return parseList(params, {
    filters: {
      siteId: optional(z.uuid()),
      status: optional(z.enum(STUDY_STATUSES)),
      q: optional(z.string().trim().max(100)),
    },
    sortable: ["site"] as const,
    defaultSort: { key: "site", dir: "asc" },
  });
}
