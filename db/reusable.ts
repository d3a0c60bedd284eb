/**
 * Drizzle queries rendered once and run many times — on the pool or inside any transaction.
 *
 * Drizzle renders a query's SQL on every execution, and for the few small statements of a write
 * that rendering costs more Node CPU than the round trip itself (≈ 70 µs for a subject lookup or
 * a visit insert, ≈ 40 µs for an audit row). Drizzle's own prepare() renders once but binds the
 * result to the handle it was built on, and every transaction is a new handle; so this keeps the
 * prepared query and runs it through the handle at hand.
 *
 * The rule for callers: values that vary go in as `sql.placeholder(name)`; everything else the
 * build function puts into the query must be fixed by `key` (for a site-scoped query, the actor's
 * scopeKey()). Two calls with one key run the same SQL text.
 */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";

type Prepared<R> = { execute(values?: Record<string, unknown>): Promise<R> };
export type Preparable<R> = { prepare(name: string): Prepared<R> };
/** Drizzle's handles keep their session, and its driver client, on these (internal) fields. */
type Handle = { session: { client: unknown; constructor: unknown } };

// Per query name. Shapes include the user (scopeKey), so this is roughly "the most recent users".
const MAX_SHAPES = 256;

/**
 * `const run = reusableQuery<Row[]>("name")`, then `run(handle, key, build, values)`: `build(handle)`
 * makes the Drizzle query (only the first time a key is seen), `values` fill its placeholders.
 */
export function reusableQuery<R>(name: string) {
  // Per driver session class: a query prepared for PGlite never runs on postgres.js or back.
  const shapes = new Map<unknown, Map<string, Prepared<R>>>();
  return function run(handle: DbOrTx, key: string, build: (handle: DbOrTx) => Preparable<R>, values: Record<string, unknown>): Promise<R> {
    const { session } = handle as unknown as Handle;
    let cache = shapes.get(session.constructor);
    if (!cache) shapes.set(session.constructor, (cache = new Map()));
    let template = cache.get(key);
    if (template) {
      // Most recently used last, so the first key is the one to evict.
      cache.delete(key);
    } else {
      template = build(handle).prepare(name);
      if (cache.size >= MAX_SHAPES) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, template);
    // The same prepared query, speaking through this handle's connection (or transaction).
    const bound = Object.assign(Object.create(Object.getPrototypeOf(template) as object) as Prepared<R>, template, { client: session.client });
    return bound.execute(values);
  };
}

/** `column = any(<placeholder>)`: a list of any length as one array value, so one shape serves all lengths. */
export function inListPlaceholder(column: AnyPgColumn, name: string, type: "uuid" | "text"): SQL {
  return sql`${column} = any(cast(${sql.placeholder(name)} as ${sql.raw(type)}[]))`;
}
