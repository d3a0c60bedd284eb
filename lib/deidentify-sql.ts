/**
 * De-identification as SQL (docs/product.md, "Sponsor view": sponsors see no full name, no full date of birth — the
 * year only — and no free text). The queries select these expressions instead of the raw columns,
 * so for a sponsor the identifying value never leaves the database: nothing downstream (a page, an
 * export, an API serializer) can leak what it was never given.
 */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "./actor";
import { canSeeIdentifiers } from "./policy";

/** A name or free-text column: the value for site staff and admins, NULL for everyone else. */
export function identifying(actor: Actor, column: AnyPgColumn | SQL): SQL<string | null> {
  // A typed null: SQL that consumes it (to_json in lib/api/json-select) must know its type.
  return canSeeIdentifiers(actor) ? sql<string | null>`${column}` : sql<string | null>`null::text`;
}

/** A date of birth: 'YYYY-MM-DD' for site staff and admins, 'YYYY' for everyone else. */
export function birthDate(actor: Actor, column: AnyPgColumn): SQL<string | null> {
  return canSeeIdentifiers(actor) ? sql<string | null>`${column}::text` : sql<string | null>`to_char(${column}, 'YYYY')`;
}

/** An identifying timestamp (e.g. a consent date a sponsor need not see): NULL for everyone else. */
export function identifyingInstant(actor: Actor, column: AnyPgColumn): SQL<Date | null> {
  const expression = canSeeIdentifiers(actor)
    ? sql`${column}`.mapWith((value: unknown) => (value === null ? null : (column.mapFromDriverValue(value) as Date)))
    : sql<Date | null>`null::timestamptz`;
  instants.add(expression);
  return expression;
}

/** Expressions that yield an instant, so SQL-built JSON (lib/api/json-select) formats them as one. */
const instants = new WeakSet<SQL>();
export const isInstantSql = (expression: SQL): boolean => instants.has(expression);

/** NULL of the column's own type (SQL that consumes it, like to_json, must know the type). */
export function withheld(column: AnyPgColumn): SQL<null> {
  return sql<null>`null::${sql.raw(column.getSQLType())}`;
}
