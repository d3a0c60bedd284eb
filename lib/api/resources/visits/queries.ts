/**
 * Visits as the API returns them: one site-scoped query per page, embeds joined in. The
 * out-of-window flag is the web app's own SQL (lib/visits/flags.ts), read in the visit's site zone.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { visits } from "@/db/schema";
import { visitIncludes, visitJoins, visitModel } from "../../../read-model/visit";
import { visibleTo } from "../../../read-model/visible";
import { outOfWindowSql } from "../../../visits/flags";
import { listFilters, resourceReader } from "../../resource-reader";
import { VISIT_FIELDS, VISIT_ORDER, type VisitListQuery } from "./schema";

// The free-text reason (statusReason) is null for sponsors: the read model withholds it.
export const visitReader = resourceReader(visitModel, VISIT_FIELDS, {
  noun: "visit",
  order: VISIT_ORDER,
  // Needs `sites` joined: the flag reads dates in the visit's site time zone.
  computed: () => ({ outOfWindow: outOfWindowSql().mapWith(Boolean) }),
  joins: { inner: visitJoins.site },
  includes: visitIncludes,
  scope: (actor, retired) => visibleTo(actor, visits, { retired }),
  filters: listFilters<VisitListQuery>()({
    studyId: (v) => eq(visits.studyId, v),
    subjectId: (v) => eq(visits.subjectId, v),
    visitStatus: (v) => eq(visits.visitStatus, v),
    visitType: (v) => eq(visits.visitType, v),
    // The instant as the client wrote it (an offset or Z); PostgreSQL reads it as timestamptz.
    scheduledFrom: (v) => sql`${visits.scheduledAt} >= cast(${v} as timestamptz)`,
    scheduledTo: (v) => sql`${visits.scheduledAt} < cast(${v} as timestamptz)`,
  }),
});
