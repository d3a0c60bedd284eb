/**
 * Which rows of a clinical table a reader sees: not retired, and inside the actor's scope (site,
 * or granted studies). One condition for every read of subjects, screenings, visits, AEs and notes.
 */
import { and, isNull, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../actor";
import { scopeWhere } from "../policy";

type Clinical = { siteId: AnyPgColumn; studyId: AnyPgColumn; retiredAt: AnyPgColumn };

export function visibleTo(actor: Actor, table: Clinical): SQL {
  return and(isNull(table.retiredAt), scopeWhere(actor, table))!;
}

/**
 * The actor's scope without the retired filter: for the subject timeline, which shows a record
 * entered in error struck through, with who retired it, when and why, rather than hiding it.
 */
export function inScope(actor: Actor, table: Clinical): SQL {
  return scopeWhere(actor, table);
}
