/**
 * A Drizzle selection as one JSON text built by PostgreSQL (`json_build_object`), for REST list
 * pages: the rows go from the database to the response as text, without being parsed, mapped to
 * objects and serialised again in Node — which, for a page of 200 visits, cost more CPU than the
 * query itself. Instants are formatted exactly as JavaScript's `toISOString()` does, so a record
 * reads the same in a list and on its own.
 */
import { Column, is, SQL, sql } from "drizzle-orm";
import { PgTimestamp } from "drizzle-orm/pg-core";
import { isInstantSql } from "../deidentify-sql";

const iso = (value: unknown) => sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function jsonValue(value: unknown): SQL {
  if (is(value, PgTimestamp)) return iso(value);
  if (is(value, Column)) return sql`${value}`;
  if (is(value, SQL)) return isInstantSql(value) ? iso(value) : sql`(${value})`;
  if (value && typeof value === "object") return jsonObject(value as Record<string, unknown>);
  throw new Error("json-select: unsupported field");
}

/** `json_build_object('key', value, …)` over a selection (nested objects are embedded records). */
export function jsonObject(fields: Record<string, unknown>): SQL {
  const parts = Object.entries(fields).map(([key, value]) => {
    if (!/^\w+$/.test(key)) throw new Error(`json-select: unexpected key ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${jsonValue(value)}`;
  });
  return sql`json_build_object(${sql.join(parts, sql`, `)})`;
}

/** A page whose rows are JSON texts already; the router writes it without re-serialising. */
export class JsonPage {
  constructor(
    readonly rows: readonly string[],
    readonly nextCursor: string | null,
  ) {}
  toString(): string {
    return `{"data":[${this.rows.join(",")}],"nextCursor":${JSON.stringify(this.nextCursor)}}`;
  }
}
