/**
 * What every list endpoint shares (docs/product.md, "API"): `order` over a fixed set of fields (`-` for
 * descending), `limit` ≤ 200, an opaque keyset `cursor`, `include` of related records, and the
 * `{ data, nextCursor }` envelope.
 *
 * Keyset paging: each page continues strictly after the last row's (order value, id), so rows
 * inserted or changed meanwhile can never make a page repeat or skip a row that was already there.
 */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { RETIRED_FILTERS } from "../read-model/visible";
import { BadRequestError } from "./http/problem";

export const MAX_LIMIT = 200;

/** How a field orders: its column and the SQL type its cursor value is cast back to. */
export type OrderField = { column: AnyPgColumn; cast: "timestamptz" | "date" | "text" | "integer" };

const CASTS: Record<string, OrderField["cast"]> = {
  PgTimestamp: "timestamptz",
  PgDateString: "date",
  PgText: "text",
  PgVarchar: "text",
  PgInteger: "integer",
  PgSmallInt: "integer",
};

/** How a column orders: the cast follows from its type (Drizzle's `columnType`). */
export function orderField(column: AnyPgColumn): OrderField {
  const cast = CASTS[column.columnType];
  // A new column kind must be mapped here before a list may order by it.
  if (!cast) throw new Error(`No cursor cast for ${column.columnType} (${column.name})`);
  return { column, cast };
}

/** The shared part of a list query; each resource adds its own filters. */
export function listQueryShape<O extends string, I extends string>(options: {
  order: readonly [O, ...O[]];
  defaultOrder: `${"" | "-"}${O}`;
  include: readonly I[];
}) {
  const orders = options.order.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return {
    order: z
      .enum(orders, { error: `Order by one of: ${orders.join(", ")}.` })
      .default(options.defaultOrder)
      .describe("Field to order by; prefix with `-` for descending."),
    limit: z.coerce
      .number({ error: "Give the page size as a number." })
      .int("Give the page size as a whole number.")
      .min(1, "The page size is at least 1.")
      .max(MAX_LIMIT, `The page size is at most ${MAX_LIMIT}.`)
      .default(50),
    cursor: z.string().max(400, "This cursor is not one the API gave out.").optional().describe("`nextCursor` of the previous page."),
    include: includeParam(options.include),
  };
}

/** `include=a,b` → the set of embeds, refusing names the resource does not offer. */
export function includeParam<I extends string>(offered: readonly I[]) {
  return z
    .string()
    .max(200)
    .optional()
    .describe(`Related records to embed, comma-separated: ${offered.join(", ") || "none"}.`)
    .transform((value, ctx) => {
      const wanted = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = wanted.filter((w) => !(offered as readonly string[]).includes(w));
      if (unknown.length > 0) {
        ctx.addIssue({ code: "custom", message: `Cannot include ${unknown.join(", ")}; choose from: ${offered.join(", ") || "none"}.` });
        return z.NEVER;
      }
      return new Set(wanted as I[]);
    });
}

/** A list of a retirable resource: whether records retired as entered in error are left out (the default), listed too, or listed alone. */
export const retiredQuery = z
  .enum(RETIRED_FILTERS, { error: `Use one of: ${RETIRED_FILTERS.join(", ")}.` })
  .default("exclude")
  .describe(
    "Records retired as entered in error: `exclude` (default) leaves them out, `include` lists them too, `only` lists them alone. A retired record carries `retiredAt`, `retiredById` and `retireReason`.",
  );

/** `true`/`false` in a query string. */
export const queryBoolean = z.enum(["true", "false"], { error: "Use true or false." }).transform((v) => v === "true");

type Cursor = { v: string; id: string };

export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify({ v: value, id } satisfies Cursor)).toString("base64url");
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Cursor;
    if (typeof parsed.v === "string" && typeof parsed.id === "string" && /^[0-9a-f-]{36}$/i.test(parsed.id)) return parsed;
  } catch {
    // fall through
  }
  throw new BadRequestError("This cursor is not one the API gave out.", { cursor: ["Invalid cursor."] }, 400, "query");
}

/**
 * ORDER BY, the keyset condition after a cursor, and the expression whose text becomes the next
 * cursor. The cursor carries the order value as text (microseconds intact) and casts it back; the
 * condition reads them from the placeholders `cursorValue` and `cursorId` (see decodeCursor).
 */
export function keyset(field: OrderField, descending: boolean, idColumn: AnyPgColumn, afterCursor: boolean) {
  const direction = descending ? sql`desc` : sql`asc`;
  const orderBy = [sql`${field.column} ${direction}`, sql`${idColumn} ${direction}`];
  let after: SQL | undefined;
  if (afterCursor) {
    const value = sql`cast(${sql.placeholder("cursorValue")} as ${sql.raw(field.cast)})`;
    const id = sql`cast(${sql.placeholder("cursorId")} as uuid)`;
    after = descending ? sql`(${field.column}, ${idColumn}) < (${value}, ${id})` : sql`(${field.column}, ${idColumn}) > (${value}, ${id})`;
  }
  return { orderBy, after, key: sql<string>`${field.column}::text` };
}

/** Splits `-field` into the field and its direction. */
export function parseOrder<O extends string>(order: string): { field: O; descending: boolean } {
  return order.startsWith("-") ? { field: order.slice(1) as O, descending: true } : { field: order as O, descending: false };
}

export type Page<T> = { data: T[]; nextCursor: string | null };

/** Rows fetched with limit + 1 → the page and the cursor after its last row. */
export function pageFrom<T extends { id: string; _key: string }>(rows: T[], limit: number): Page<Omit<T, "_key">> {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    data: page.map(({ _key, ...rest }) => (void _key, rest)),
    nextCursor: more && last ? encodeCursor(last._key, last.id) : null,
  };
}
