/**
 * Values a write reads together with the row it loads (w.load's `extra`), as correlated
 * subqueries. Columns of the loaded row are qualified by hand: Drizzle leaves them unqualified in
 * the select list of a single-table query, where inside a subquery they would name the subquery's
 * own table.
 */
import { getTableName, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** "table"."column", whatever the query around it. */
export function qualified(column: AnyPgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** The IANA time zone of the site a row belongs to. */
export function siteTimeZoneOf(siteId: AnyPgColumn): SQL<string> {
  return sql<string>`(select "sites"."timezone" from "sites" where "sites"."id" = ${qualified(siteId)})`;
}
