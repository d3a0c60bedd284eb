/**
 * Site/study scoping for reads: every list and every record lookup ANDs one of these into its
 * WHERE, so a page cannot forget the site filter and a foreign record is simply not found.
 * Pure: these only build SQL; the query modules run it.
 */
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { sites, studies } from "@/db/schema";
import type { Actor } from "@/lib/actor";

type ScopeColumns = { siteId: AnyPgColumn; studyId: AnyPgColumn };

/**
 * Everything about an actor that the scope helpers (and the de-identification that follows the
 * role) read — plus the user's id, so that no two people ever share a cached query. Queries
 * rendered once and reused (lib/api/resource-reader, db/reusable) are keyed by it.
 */
export function scopeKey(actor: Actor): string {
  return JSON.stringify([actor.id, actor.status, actor.role, actor.siteId, actor.sponsorStudyIds]);
}

function scopeBy(actor: Actor, columns: ScopeColumns): SQL {
  // Pending and disabled accounts reach no clinical data.
  if (actor.status !== "active") return sql`false`;
  switch (actor.role) {
    case "admin":
      return sql`true`;
    case "sponsor":
      // Spelled out rather than trusting inArray's empty-list behaviour across Drizzle versions.
      return actor.sponsorStudyIds.length > 0
        ? inArray(columns.studyId, [...actor.sponsorStudyIds])
        : sql`false`;
    case "coordinator":
    case "investigator":
      // A site-bound role without a site sees nothing (never `site_id IS NULL`).
      return actor.siteId !== null ? eq(columns.siteId, actor.siteId) : sql`false`;
  }
}

/** For any clinical table carrying `siteId` and `studyId` (subjects, screenings, visits, AEs, notes). */
export function scopeWhere(actor: Actor, table: ScopeColumns): SQL {
  return scopeBy(actor, { siteId: table.siteId, studyId: table.studyId });
}

/** For the `studies` table, whose own `id` is the study id. */
export function scopeStudies(actor: Actor): SQL {
  return scopeBy(actor, { siteId: studies.siteId, studyId: studies.id });
}

/** For the `sites` table: a sponsor sees the sites that run their granted studies. */
export function scopeSites(actor: Actor): SQL {
  if (actor.status !== "active") return sql`false`;
  switch (actor.role) {
    case "admin":
      return sql`true`;
    case "sponsor":
      return actor.sponsorStudyIds.length > 0
        ? sql`exists (select 1 from ${studies} where ${studies.siteId} = ${sites.id} and ${inArray(studies.id, [...actor.sponsorStudyIds])})`
        : sql`false`;
    case "coordinator":
    case "investigator":
      return actor.siteId !== null ? eq(sites.id, actor.siteId) : sql`false`;
  }
}
