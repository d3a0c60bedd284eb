/**
 * `npm run db:backup` and `npm run db:restore` as a round trip, run as the commands they are (child
 * processes): a database seeded with the demo data, backed up to a dated file, restored into a fresh
 * database → the same row count in every table, `audit:verify --full` passes, the app's own start
 * step (scripts/prepare.ts) opens it, and a second restore into the now non-empty target is refused
 * without --force. On PGlite by default; on PostgreSQL when DATABASE_URL is set (the suite's
 * PostgreSQL run), with two databases of its own.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";

const TSX = path.resolve("node_modules/.bin/tsx");
const pgUrl = process.env.DATABASE_URL;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trialdesk-backup-"));
const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 7)}`;

/** The environment a command sees: the target database and nothing of the test run's own. */
function envFor(db: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TRIALDESK_DEMO: "1" };
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;
  delete env.TRIALDESK_PGLITE_DIR;
  delete env.AUDIT_KEY;
  if (pgUrl) env.DATABASE_URL = db;
  else env.TRIALDESK_PGLITE_DIR = db;
  return env;
}

function run(script: string, args: string[], db: string): { status: number | null; out: string } {
  const result = spawnSync(TSX, [path.join("scripts", script), ...args], { env: envFor(db), encoding: "utf8", timeout: 120_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function onDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Rows per table (every schema but the system's, drizzle's migration journal included). */
async function rowCounts(db: string): Promise<Record<string, number>> {
  const tablesSql = `select table_schema || '.' || table_name as t from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`;
  const counts: Record<string, number> = {};
  if (pgUrl) {
    const sql = postgres(db, { max: 1, onnotice: () => {} });
    try {
      for (const { t } of await sql.unsafe<{ t: string }[]>(tablesSql)) {
        const [schema, table] = t.split(".");
        const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${schema}"."${table}"`);
        counts[t] = row!.n;
      }
    } finally {
      await sql.end({ timeout: 5 });
    }
    return counts;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create(db);
  try {
    for (const { t } of (await pg.query<{ t: string }>(tablesSql)).rows) {
      const [schema, table] = t.split(".");
      counts[t] = (await pg.query<{ n: number }>(`select count(*)::int as n from "${schema}"."${table}"`)).rows[0]!.n;
    }
  } finally {
    await pg.close();
  }
  return counts;
}

const databases: string[] = [];
afterAll(async () => {
  if (pgUrl) {
    const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
    for (const name of databases) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function freshDatabase(role: "src" | "dst"): Promise<string> {
  if (!pgUrl) return path.join(tmp, role, "pglite");
  const name = `trialdesk_backup_${role}_${suffix}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end({ timeout: 5 });
  databases.push(name);
  return onDatabase(pgUrl, name);
}

describe(`db:backup and db:restore on ${pgUrl ? "PostgreSQL" : "PGlite"}`, () => {
  it("round-trips the demo database: same rows per table, the audit trail verifies, the app opens it; a non-empty target is refused without --force", { timeout: 300_000 }, async () => {
    const src = await freshDatabase("src");
    const prepared = run("prepare.ts", [], src);
    expect(prepared.out).toContain("database ready");
    expect(prepared.status).toBe(0);

    const out = path.join(tmp, "backups");
    const backup = run("db-backup.ts", ["--out", out], src);
    expect(backup.status, backup.out).toBe(0);
    const files = fs.readdirSync(out);
    expect(files).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(files[0]).toMatch(new RegExp(`^trialdesk-${today}T\\d{2}-\\d{2}-\\d{2}Z\\.${pgUrl ? "pgdump" : "pglite\\.tar\\.gz"}$`));
    const file = path.join(out, files[0]!);

    const dst = await freshDatabase("dst");
    // The embedded database's audit key lives beside its directory, not in the backup.
    const keyArgs = pgUrl ? [] : ["--audit-key-file", `${src}.audit-key`];
    const restored = run("db-restore.ts", [file, ...keyArgs], dst);
    expect(restored.status, restored.out).toBe(0);

    const before = await rowCounts(src);
    const after = await rowCounts(dst);
    expect(Object.keys(before).length).toBeGreaterThan(15);
    expect(before["public.subjects"]).toBeGreaterThan(100);
    expect(before["public.audit_events"]).toBeGreaterThan(0);
    expect(after).toEqual(before);

    const verified = run("audit-verify.ts", ["--full"], dst);
    expect(verified.out).toMatch(/Audit chain intact: \d+ events verified/);
    expect(verified.status).toBe(0);

    const started = run("prepare.ts", [], dst);
    expect(started.out).toContain("database ready");
    expect(started.status).toBe(0);

    // (audit:verify moved its checkpoint: the refused restore must leave the target as it is now.)
    const settled = await rowCounts(dst);
    const again = run("db-restore.ts", [file, ...keyArgs], dst);
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/is not empty.*--force/);
    expect(await rowCounts(dst)).toEqual(settled);

    const forced = run("db-restore.ts", [file, ...keyArgs, "--force"], dst);
    expect(forced.status, forced.out).toBe(0);
    expect(await rowCounts(dst)).toEqual(before);
  });
});
