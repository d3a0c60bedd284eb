/**
 * The one database client for the whole process.
 *
 * - `DATABASE_URL` set   → PostgreSQL through postgres.js (production, several app instances).
 * - `DATABASE_URL` unset → embedded PGlite with its data under `.data/pglite` (a newcomer needs no
 *   server). `TRIALDESK_PGLITE_DIR` moves it (tests and e2e each use their own directory, because
 *   PGlite has no locking between processes).
 *
 * The database is opened lazily (so `next build` never touches it), migrated on first open, and then
 * handed to the hook its caller registered with onDatabaseOpen() — the app's is the demo data
 * (lib/seed/demo.ts: an empty embedded database, or `TRIALDESK_DEMO=1`, gets it). db/ imports
 * nothing from lib/, so it is told rather than asks.
 * The client lives on `globalThis` because Next may evaluate this module more than once per process.
 */
import fs from "node:fs";
import path from "node:path";
import { drizzle as drizzlePg, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { auditKeyConnection, embeddedAuditKey, postgresAuditKey, setAuditKeyStatement } from "./audit-key";
import { preparedByDefault } from "./prepared-by-default";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle; lib functions accept either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = {
  db: Db;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
  /** See getBookkeepingDb(). Absent: use `db`. */
  bookkeeping?: Db;
};
/** Runs once per open, after migrating and before anyone else uses the database. */
export type OpenHook = (db: Db, opened: { kind: Handle["kind"] }) => Promise<void>;
type Holder = { promise?: Promise<Handle>; override?: Handle; onOpen?: OpenHook };
const holder: Holder = ((globalThis as Record<string, unknown>).__trialdeskDb ??= {}) as Holder;

export const migrationsFolder = () => path.join(process.cwd(), "drizzle");

export function embeddedDataDir(): string {
  return process.env.TRIALDESK_PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

async function openPostgres(url: string): Promise<Handle> {
  // The key first: production without AUDIT_KEY stops here, before anything is migrated or served.
  const auditKey = auditKeyConnection(postgresAuditKey());
  const { migrateForApp } = await import("./migrate");
  // DATABASE_OWNER_URL: migrations run as the owner; the app's role may not (db/roles.ts).
  await migrateForApp(url, process.env.DATABASE_OWNER_URL || undefined);
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    // Instants are timestamptz; keep the session in UTC so date arithmetic in SQL is unambiguous.
    // random_page_cost: the default (4) prices a random read as from a spinning disk, which made the
    // planner sort a whole week of visits from a bitmap scan rather than read the first 200 in
    // index order — 0.8 ms more per request. Our working set lives in memory or on SSD.
    // plan_cache_mode: every query is a prepared statement (./prepared-by-default) whose text fixes its shape;
    // planning it again for each set of values (PostgreSQL keeps doing so when the values look
    // informative) cost more than running it — 1.4 ms of a 1.1 ms AE page. Generic plans it is.
    // The audit key rides along as a startup parameter (db/audit-key.ts): the chain trigger needs it.
    connection: { TimeZone: "UTC", random_page_cost: "1.1", plan_cache_mode: "force_generic_plan", ...auditKey },
  });
  preparedByDefault(client);
  const db = drizzlePg(client, { schema });
  // A small second pool for bookkeeping writes (see getBookkeepingDb): its commits do not wait for
  // the disk. Clinical writes never use it.
  const light = postgres(url, {
    max: Number(process.env.DATABASE_BOOKKEEPING_POOL_SIZE ?? 4),
    onnotice: () => {},
    connection: { TimeZone: "UTC", synchronous_commit: "off", ...auditKey },
  });
  preparedByDefault(light);
  return {
    db,
    kind: "postgres",
    bookkeeping: drizzlePg(light, { schema }),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), light.end({ timeout: 5 })]);
    },
  };
}

async function openPglite(dataDir: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // PGlite does not create the parent folder of its data directory.
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir);
  await client.exec("SET TIME ZONE 'UTC'");
  await client.exec(setAuditKeyStatement(embeddedAuditKey(dataDir)));
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: migrationsFolder() });
  return { db, kind: "pglite", close: () => client.close() };
}

async function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  const handle = url ? await openPostgres(url) : await openPglite(embeddedDataDir());
  try {
    await holder.onOpen?.(handle.db, { kind: handle.kind });
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
  return handle;
}

/**
 * What to do with the database when this process opens it (the Next server registers the demo
 * data in instrumentation.ts). Registered before the first getDb(); the last registration wins.
 */
export function onDatabaseOpen(hook: OpenHook): void {
  holder.onOpen = hook;
}

async function handle(): Promise<Handle> {
  if (holder.override) return holder.override;
  holder.promise ??= open().catch((err) => {
    holder.promise = undefined; // let the next request retry instead of caching the failure
    throw err;
  });
  return holder.promise;
}

export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

/**
 * For per-request bookkeeping that is not clinical data and may lose its last few milliseconds in
 * a crash: API rate-limit counters and tokens' "last used" times. On PostgreSQL its sessions run
 * with synchronous_commit=off, so a hot counter row is locked for microseconds instead of a disk
 * flush — otherwise every API request would queue behind the previous one's fsync. Elsewhere
 * (PGlite, tests) it is simply the one database.
 */
export async function getBookkeepingDb(): Promise<Db> {
  const h = await handle();
  return h.bookkeeping ?? h.db;
}

export async function dbKind(): Promise<Handle["kind"]> {
  return (await handle()).kind;
}

/**
 * LISTEN on `channel` with the process's own database client (for lib/live): on PostgreSQL,
 * postgres.js's dedicated listen connection (outside the pool; it reconnects and re-listens by
 * itself, calling `onListen` each time); on PGlite, its own in-process listen/notify. Returns the
 * unlisten function.
 */
export async function listen(
  channel: string,
  onNotify: (payload: string) => void,
  onListen?: () => void,
): Promise<() => Promise<void>> {
  const h = await handle();
  const client = (h.db as unknown as { $client: unknown }).$client;
  if (h.kind === "pglite") {
    const unlisten = await (client as import("@electric-sql/pglite").PGlite).listen(channel, onNotify);
    onListen?.();
    return () => unlisten();
  }
  const request = await (client as postgres.Sql).listen(channel, onNotify, onListen);
  return () => request.unlisten();
}

export async function closeDb(): Promise<void> {
  const h = holder.override ?? (holder.promise ? await holder.promise : undefined);
  holder.promise = undefined;
  holder.override = undefined;
  await h?.close();
}

/** Tests (and CLI tools that open their own client) install a ready, migrated database here. */
export function installDatabase(db: Db, kind: Handle["kind"], close: () => Promise<void>, bookkeeping?: Db): void {
  holder.override = { db, kind, close, bookkeeping };
}

export { schema };
