/**
 * Which rows of a clinical table a reader sees: inside the actor's scope (site, or granted
 * studies), and not retired unless the read asks for retired rows. One condition for every read of
 * subjects, screenings, visits, AEs and notes — lists, counts, single records and the timeline.
 */
import { and, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../actor";
import { scopeWhere } from "../policy";

type Clinical = { siteId: AnyPgColumn; studyId: AnyPgColumn; retiredAt: AnyPgColumn };

/**
 * Records retired as entered in error: left out (every read's default), shown beside the others
 * (a list's "show retired", the subject timeline), or shown alone. The scope applies whatever the
 * choice: a sponsor sees retired rows of their granted studies only, de-identified as always.
 */
export const RETIRED_FILTERS = ["exclude", "include", "only"] as const;
export type RetiredFilter = (typeof RETIRED_FILTERS)[number];

/** What a read that may show retired rows selects to mark them: who retired it, when and why (the reason withheld from sponsors by each read model). */
export const RETIRE_FACTS = ["retiredAt", "retiredById", "retireReason"] as const;

export function visibleTo(actor: Actor, table: Clinical, { retired = "exclude" }: { retired?: RetiredFilter } = {}): SQL {
  const scope = scopeWhere(actor, table);
  if (retired === "include") return scope;
  return and(retired === "only" ? isNotNull(table.retiredAt) : isNull(table.retiredAt), scope)!;
}
