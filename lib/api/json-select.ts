/**
 * A Drizzle selection as one JSON text built by PostgreSQL, for REST list pages: the rows go from
 * the database to the response as text, without being parsed, mapped to objects and serialised
 * again in Node — which, for a page of 200 visits, cost more CPU than the query itself.
 *
 * The text is assembled with `concat`, each value written by its column type, rather than with
 * `json_build_object`: that function looks up every argument's type on every row, which made it
 * most of a list query's time (≈ 2.8 µs per visit row against ≈ 1 µs this way). Values whose type
 * the column does not tell (SQL expressions, other column types) fall back to `to_json`, which
 * escapes exactly as json_build_object does. Instants are formatted exactly as JavaScript's
 * `toISOString()` does, so a record reads the same in a list and on its own (tested per resource).
 *
 * Rules (part of the speed layer, docs/speed-layer.md):
 * - Only field names go into the SQL text, and only word characters (`^\w+$`, checked): a name is
 *   written between quotes inside a SQL string literal, so anything else could break out of it.
 * - Values are columns or Drizzle SQL; their parameters stay parameters (nothing is inlined), so a
 *   selection used inside a reused shape (db/reusable.ts) follows that module's rules unchanged.
 * - A column type added to `columnJson` must write exactly what JSON.stringify writes for the
 *   mapped row value (the test below compares the two for every listed type).
 */
import { Column, is, SQL, sql } from "drizzle-orm";
import { isInstantSql } from "../deidentify-sql";

const NULL = sql.raw(`'null'`);

const quoted = (text: SQL) => sql`coalesce('"' || ${text} || '"', ${NULL})`;
const iso = (value: unknown) => quoted(sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const generic = (value: unknown) => sql`coalesce(to_json(${value})::text, ${NULL})`;

/** Column types whose text form needs no JSON escaping; everything else goes through to_json. */
function columnJson(column: Column): SQL {
  switch (column.columnType) {
    case "PgTimestamp":
      return iso(column);
    case "PgUUID":
    case "PgEnumColumn":
      // uuids and our enum labels (identifiers) never hold a quote or a backslash
      return quoted(sql`${column}::text`);
    case "PgDateString":
      // to_char, not ::text: the text form of a date follows the session's DateStyle
      return quoted(sql`to_char(${column}, 'YYYY-MM-DD')`);
    case "PgInteger":
    case "PgSmallInt":
      return sql`coalesce(${column}::text, ${NULL})`;
    case "PgBoolean":
      return sql`(case when ${column} then 'true' when not ${column} then 'false' else 'null' end)`;
    default:
      return generic(column);
  }
}

function jsonValue(value: unknown): SQL {
  if (is(value, Column)) return columnJson(value);
  if (is(value, SQL)) return isInstantSql(value) ? iso(sql`(${value})`) : generic(sql`(${value})`);
  if (value && typeof value === "object") return jsonObject(value as Record<string, unknown>);
  throw new Error("json-select: unsupported field");
}

/** The JSON object text of a selection (nested objects are embedded records). */
export function jsonObject(fields: Record<string, unknown>): SQL {
  const parts: SQL[] = [];
  Object.entries(fields).forEach(([key, value], i) => {
    if (!/^\w+$/.test(key)) throw new Error(`json-select: unexpected key ${key}`);
    parts.push(sql.raw(`'${i === 0 ? "{" : ","}"${key}":'`), jsonValue(value));
  });
  parts.push(sql.raw(`'}'`));
  return concat(parts);
}

/** `concat` takes at most 100 arguments: a wider record concatenates groups. */
function concat(parts: SQL[]): SQL {
  if (parts.length <= 100) return sql`concat(${sql.join(parts, sql`, `)})`;
  const groups: SQL[] = [];
  for (let i = 0; i < parts.length; i += 100) groups.push(concat(parts.slice(i, i + 100)));
  return concat(groups);
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
