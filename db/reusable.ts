/**
 * Drizzle queries rendered once per shape and run many times — on the pool or inside any transaction.
 *
 * Drizzle renders a query's SQL on every execution, and for the small statements of a write or a
 * list page that rendering costs more Node CPU than the round trip itself (≈ 70 µs for a subject
 * lookup or a visit insert, ≈ 40 µs for an audit row). Drizzle's own prepare() renders once but
 * binds the result to the handle it was built on, and every transaction is a new handle; so this
 * keeps the prepared query and runs it through the handle at hand (./drizzle-internals.ts does
 * that part, with Drizzle's public API where there is one). Why and measurements: docs/speed-layer.md.
 *
 * THE RULES (a reused query is only as right as its key):
 * 1. A value that may differ between two calls goes in as `sql.placeholder(name)` and comes in
 *    through `values` — ids, filters, cursors, limits, times (`now` too: never a `new Date()` inside
 *    `build`).
 * 2. Everything else `build` puts into the query — the actor's scope, which filters or embeds,
 *    the order, whether a cursor — must be fixed by `key`. For a site-scoped query the key starts
 *    with the actor's `scopeKey()`; a new input to `build` means a new part of the key.
 * 3. `build` renders only: no side effects, no I/O; it gets a stand-in handle, not the caller's,
 *    and must build the query on the handle it is given.
 * 4. A list of any length is one array placeholder (`inListPlaceholder`), not one per item, so one
 *    shape serves every length.
 * 5. Names are per statement (`reusableQuery("append_audit")`), made once at module level.
 *
 * Under tests (vitest, or TRIALDESK_CHECK_REUSABLE=1) every hit renders the shape again and throws
 * if its SQL text or parameters differ from the cached rendering: a rule-1 or rule-2 slip (a
 * captured `new Date()`, an actor's id not in the key) fails the test that reaches it. In
 * production the check costs one boolean test.
 */
import { isDeepStrictEqual } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { Switchboard, targetOf } from "./drizzle-internals";
import type { DbOrTx } from "./index";

type Rendering = { sql: string; params: unknown[] };
type Prepared<R> = { execute(values?: Record<string, unknown>): Promise<R>; getQuery(): Rendering };
export type Preparable<R> = { prepare(name: string): Prepared<R> };

// Per query name. Shapes include the user (scopeKey), so this is roughly "the most recent users".
const MAX_SHAPES = 256;

/** Re-render and compare on every hit: on under vitest, or with TRIALDESK_CHECK_REUSABLE=1 (e2e). */
export const reusableChecks = {
  enabled: Boolean(process.env.VITEST) || process.env.TRIALDESK_CHECK_REUSABLE === "1",
};

/**
 * `const run = reusableQuery<Row[]>("name")`, then `run(handle, key, build, values)`: `build(h)`
 * makes the Drizzle query on `h` (only the first time a key is seen), `values` fill its placeholders.
 */
export function reusableQuery<R>(name: string) {
  // Per driver: a query prepared for PGlite never runs on postgres.js or back.
  const shapes = new Map<Switchboard, Map<string, Prepared<R>>>();
  return function run(handle: DbOrTx, key: string, build: (handle: DbOrTx) => Preparable<R>, values: Record<string, unknown>): Promise<R> {
    const board = Switchboard.of(handle);
    if (board instanceof Promise) return board.then(() => run(handle, key, build, values));
    let cache = shapes.get(board);
    if (!cache) shapes.set(board, (cache = new Map()));
    let template = cache.get(key);
    if (template) {
      if (reusableChecks.enabled) {
        try {
          assertSameRendering(name, key, template.getQuery(), build(board.db).prepare(name).getQuery());
        } catch (err) {
          return Promise.reject(err);
        }
      }
      // Most recently used last, so the first key is the one to evict.
      cache.delete(key);
    } else {
      template = build(board.db).prepare(name);
      if (cache.size >= MAX_SHAPES) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, template);
    return board.execute(template, targetOf(handle), values);
  };
}

export class ReusableShapeError extends Error {}

function assertSameRendering(name: string, key: string, cached: Rendering, fresh: Rendering): void {
  let difference: string | undefined;
  if (cached.sql !== fresh.sql) {
    difference = `SQL text\n  cached: ${cached.sql}\n  now:    ${fresh.sql}`;
  } else {
    const i = cached.params.findIndex((p, i) => !isDeepStrictEqual(p, fresh.params[i]));
    if (i >= 0 || cached.params.length !== fresh.params.length) {
      const at = i >= 0 ? i : Math.min(cached.params.length, fresh.params.length);
      difference = `parameter $${at + 1}: cached ${show(cached.params[at])}, now ${show(fresh.params[at])}`;
    }
  }
  if (difference) {
    throw new ReusableShapeError(
      `reusable query "${name}": shape key "${key}" rendered differently: a value outside the key and the placeholders went into the query ` +
        `(a captured new Date(), an actor's id, …) — make it a sql.placeholder or part of the key (rules: db/reusable.ts). Differs in ${difference}`,
    );
  }
}

function show(value: unknown): string {
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `column = any(<placeholder>)`: a list of any length as one array value, so one shape serves all lengths. */
export function inListPlaceholder(column: AnyPgColumn, name: string, type: "uuid" | "text"): SQL {
  return sql`${column} = any(cast(${sql.placeholder(name)} as ${sql.raw(type)}[]))`;
}
