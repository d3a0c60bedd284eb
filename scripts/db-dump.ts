/**
 * What `npm run db:backup` and `npm run db:restore` share: which database (PostgreSQL when
 * DATABASE_URL is set, else the embedded PGlite at TRIALDESK_PGLITE_DIR or .data/pglite), the
 * backup file's name, and the PostgreSQL client tools run with the connection in their environment
 * (PGHOST, PGPASSWORD, …) so no password ever appears in a command line or a message.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import postgres from "postgres";

export type Target = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export const PGLITE_SUFFIX = ".pglite.tar.gz";
export const POSTGRES_SUFFIX = ".pgdump";

export function target(embeddedDir: () => string): Target {
  // The owner's role when there is one: it owns every table and may recreate them.
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  return url ? { kind: "postgres", url } : { kind: "pglite", dir: embeddedDir() };
}

/** `trialdesk-2026-12-07T14-55-03Z.pgdump`: sorts by time, and says when it was taken. */
export function backupName(kind: Target["kind"], now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-");
  return `trialdesk-${stamp}${kind === "pglite" ? PGLITE_SUFFIX : POSTGRES_SUFFIX}`;
}

/** The libpq environment for `url` (the password stays out of argv, where `ps` would show it). */
export function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: u.hostname || "127.0.0.1",
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username || "postgres"),
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, "")),
  };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** Runs a PostgreSQL client tool; its stderr is passed on (it names objects, never the password). */
export function runTool(tool: string, args: string[], url: string): void {
  const result = spawnSync(tool, args, { env: pgEnv(url), stdio: ["ignore", "inherit", "inherit"] });
  if (result.error) throw new Error(`${tool} could not run (${result.error.message}); install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`);
  if (result.status !== 0) throw new Error(`${tool} failed (exit status ${result.status}).`);
}

function toolMajor(tool: string): number {
  const result = spawnSync(tool, ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) throw new Error(`${tool} is not installed; install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`);
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout);
  if (!match) throw new Error(`Could not read the version of ${tool}: ${result.stdout.trim()}`);
  return Number(match[1]);
}

/**
 * pg_dump and pg_restore refuse (or worse, half-work) against a server newer than themselves: check
 * first and say which client to install.
 */
export async function checkToolVersion(tool: "pg_dump" | "pg_restore", url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`show server_version_num`;
    const server = Math.floor(Number(row!.v) / 10_000);
    const client = toolMajor(tool);
    if (client < server) throw new Error(`${tool} ${client} cannot handle PostgreSQL ${server}; install the version ${server} client tools.`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Tables (of any schema but the system's) in the database: a restore target must have none unless forced. */
export async function postgresTableCount(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'`;
    return row!.n;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
