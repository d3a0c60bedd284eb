/**
 * Everything the speed layer (./reusable.ts) relies on in Drizzle beyond its documented API — in
 * this one module, so an upgrade has one place to check. Rules and reasons: docs/speed-layer.md.
 *
 * Drizzle has no public way to run a prepared query through another handle (its `prepare()` binds
 * the query to the handle it was built on, and each transaction is a new handle; drizzle-orm issues
 * #613 and #2826, open). So the queries the speed layer keeps are prepared on a *switchboard*: a
 * Drizzle database made with the public `drizzle()` over a stand-in driver client of ours, which
 * passes each call on to the driver client of the handle at hand (the pool or the transaction's
 * connection). Nothing here writes to a Drizzle object. What it assumes of Drizzle 0.45.4 (pinned
 * exactly in package.json; ./drizzle-internals.test.ts fails when an upgrade changes any of it):
 *
 * 1. `handle._.session` (public) is the handle's session, and the session's `client` field is the
 *    driver client the handle speaks through (public on PostgresJsSession, private in PgliteSession's
 *    typings), its `logger` the handle's query logger.
 * 2. A prepared query's `execute()` calls its driver client (`unsafe` for postgres.js, `query` for
 *    PGlite) synchronously, before its first `await`, when no Drizzle cache is configured. If that
 *    ever changes, the switchboard throws instead of running a query on the wrong connection.
 * 3. `prepare(name).getQuery()` (public) returns the rendered SQL text and parameters, placeholders
 *    still unfilled.
 * 4. A session's `prepareQuery(query, fields, name, arrayMode)` makes a query whose `execute()` runs
 *    the text on the session's connection; given a prepared select's `fields` and
 *    `joinsNotNullableMap` (internal fields of the prepared query) with arrayMode, it maps raw rows
 *    as awaiting that select would. The export cursor (lib/export/cursor.ts) declares a cursor over
 *    a select's text and fetches its batches this way (renderSelect, runOn, runMappedOn).
 */
import { is } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzlePostgres, PostgresJsSession } from "drizzle-orm/postgres-js";
import type { DbOrTx } from "./index";

/** What a handle speaks through: its driver client (pool, connection or transaction) and logger. */
export type Target = { client: DriverClient; logger: Logger | undefined };
type DriverClient = Record<string, unknown>;

type Session = {
  client: DriverClient;
  logger?: Logger;
  constructor: unknown;
  prepareQuery(query: { sql: string; params: unknown[] }, fields: unknown, name: undefined, arrayMode: boolean): { execute(): Promise<unknown>; joinsNotNullableMap?: unknown };
};

/** The session of a Drizzle database or transaction handle (assumption 1). */
function sessionOf(handle: DbOrTx): Session {
  return (handle as unknown as { _: { session: Session } })._.session;
}

/** The driver client and logger `handle` runs its queries through (assumption 1). */
export function targetOf(handle: DbOrTx): Target {
  const session = sessionOf(handle);
  return { client: session.client, logger: session.logger };
}

const NO_TARGET =
  "db/drizzle-internals: Drizzle called its driver outside Switchboard.execute() — its internals changed (see the assumptions at the top of db/drizzle-internals.ts)";

/**
 * A Drizzle database whose queries run on whatever driver client `execute` is given. One per driver
 * (postgres.js, PGlite): a query rendered for one never runs on the other.
 */
export class Switchboard {
  /** Build queries on this (only to render and prepare them; they run through `execute`). */
  readonly db: DbOrTx;
  private target: Target | undefined;

  private constructor(make: (client: object, logger: Logger, schema: Record<string, unknown>) => unknown, schema: Record<string, unknown>) {
    const client = () => {
      if (!this.target) throw new Error(NO_TARGET);
      return this.target.client as Record<string, (...args: unknown[]) => unknown>;
    };
    const standIn = {
      // postgres.js: drizzle() sets its parsers and serializers here (the real client has its own).
      options: { parsers: {}, serializers: {} },
      unsafe: (...args: unknown[]) => client().unsafe!(...args),
      query: (...args: unknown[]) => client().query!(...args),
    };
    const logger: Logger = { logQuery: (query, params) => this.target?.logger?.logQuery(query, params) };
    this.db = make(standIn, logger, schema) as DbOrTx;
  }

  /** Runs `prepared` (made on `this.db`) through `target`'s connection (assumption 2). */
  execute<R>(prepared: { execute(values?: Record<string, unknown>): Promise<R> }, target: Target, values: Record<string, unknown>): Promise<R> {
    this.target = target;
    try {
      return prepared.execute(values);
    } finally {
      this.target = undefined;
    }
  }

  private static boards = new Map<unknown, Switchboard | Promise<Switchboard>>();

  /** The switchboard for `handle`'s driver: at once if known, else after loading that driver's Drizzle module. */
  static of(handle: DbOrTx): Switchboard | Promise<Switchboard> {
    const session = sessionOf(handle);
    let board = Switchboard.boards.get(session.constructor);
    if (!board) {
      board = Switchboard.create(handle, session).then((made) => {
        Switchboard.boards.set(session.constructor, made);
        return made;
      });
      board.catch(() => Switchboard.boards.delete(session.constructor));
      Switchboard.boards.set(session.constructor, board);
    }
    return board;
  }

  private static async create(handle: DbOrTx, session: Session): Promise<Switchboard> {
    const schema = (handle as unknown as { _: { fullSchema: Record<string, unknown> } })._.fullSchema;
    let board: Switchboard;
    if (is(session, PostgresJsSession)) {
      board = new Switchboard((client, logger, s) => drizzlePostgres({ client: client as never, logger, schema: s }), schema);
    } else {
      // Loaded only when PGlite is in use (development, tests): production never imports it.
      const pglite = await import("drizzle-orm/pglite");
      if (!is(session, pglite.PgliteSession)) throw new Error("db/drizzle-internals: unsupported Drizzle driver");
      board = new Switchboard((client, logger, s) => pglite.drizzle({ client: client as never, logger, schema: s }), schema);
    }
    return board;
  }
}

/** A select rendered to text, with what maps its raw rows into the select's own shape (assumption 4). */
export type RenderedSelect = { sql: string; params: unknown[]; fields?: unknown; joinsNotNullableMap?: unknown };

/** Renders a Drizzle select without running it (assumptions 3 and 4). */
export function renderSelect(query: unknown): RenderedSelect {
  type Prepared = { getQuery(): { sql: string; params: unknown[] }; fields?: unknown; joinsNotNullableMap?: unknown };
  const prepare = (query as { prepare?: (name: string) => Prepared }).prepare;
  if (typeof prepare !== "function") throw new Error("renderSelect needs a Drizzle select");
  const p = prepare.call(query, "rendered_select");
  return { ...p.getQuery(), fields: p.fields, joinsNotNullableMap: p.joinsNotNullableMap };
}

/** Runs SQL text on `handle`'s connection (the pool's, or the transaction's own); raw rows (assumption 4). */
export function runOn(handle: DbOrTx, text: string, params: unknown[] = []): Promise<unknown> {
  return sessionOf(handle).prepareQuery({ sql: text, params }, undefined, undefined, false).execute();
}

/**
 * Runs SQL text that yields `select`'s columns (a FETCH from a cursor declared over it) on
 * `handle`'s connection, its rows mapped as awaiting `select` would map them (assumption 4).
 */
export async function runMappedOn<T>(handle: DbOrTx, text: string, select: RenderedSelect): Promise<T[]> {
  const query = sessionOf(handle).prepareQuery({ sql: text, params: [] }, select.fields, undefined, true);
  query.joinsNotNullableMap = select.joinsNotNullableMap;
  return (await query.execute()) as T[];
}
