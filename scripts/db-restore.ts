/**
 * `npm run db:restore -- <backup file> [--force] [--audit-key-file <file>]`: puts a backup made by
 * `npm run db:backup` into the configured database, which must be empty unless `--force`.
 *
 * - PostgreSQL (DATABASE_OWNER_URL when set, else DATABASE_URL): pg_restore in one transaction,
 *   stopping at the first error (so a failed restore leaves the target as it was). `--force` drops
 *   the objects the backup holds first (--clean). Objects belong to the restoring role; when both
 *   DATABASE_OWNER_URL and DATABASE_URL are set, the app role gets its grants again (db/roles.ts).
 * - Embedded PGlite (TRIALDESK_PGLITE_DIR or .data/pglite): the directory is created from the dump.
 *   `--force` moves an existing directory aside (`<dir>.replaced-<time>`) rather than deleting it.
 *   Stop the server first. `--audit-key-file` copies the source's key file (its `audit-key`) beside
 *   the new directory, where the app and audit:verify look for it, unless AUDIT_KEY is set.
 *
 * Then `npm run audit:verify -- --full` checks the restored trail.
 */
import fs from "node:fs";
import path from "node:path";
import { embeddedDataDir } from "@/db";
import { auditKeyFile } from "@/db/audit-key";
import { grantAppRole, roleOf } from "@/db/roles";
import { checkToolVersion, databaseName, PGLITE_SUFFIX, postgresTableCount, POSTGRES_SUFFIX, runTool, shown, target } from "./db-dump";

type Args = { file: string; force: boolean; keyFile?: string };

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run db:restore -- <backup file> [--force] [--audit-key-file <file>]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let force = false;
  let keyFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--force") force = true;
    else if (arg === "--audit-key-file" && argv[i + 1]) keyFile = path.resolve(argv[++i]!);
    else if (arg.startsWith("--") || file) usage(`Unknown option ${arg}.`);
    else file = path.resolve(arg);
  }
  if (!file) usage("Name the backup file.");
  if (!fs.existsSync(file)) usage(`There is no file ${file}.`);
  return { file, force, keyFile };
}

async function restorePostgres(url: string, args: Args): Promise<string> {
  if (!args.file.endsWith(POSTGRES_SUFFIX)) throw new Error(`${shown(args.file)} is not a PostgreSQL backup (*${POSTGRES_SUFFIX}); DATABASE_URL is set, so the target is PostgreSQL.`);
  await checkToolVersion("pg_restore", url);
  const tables = await postgresTableCount(url);
  if (tables > 0 && !args.force) {
    throw new Error(`The database "${databaseName(url)}" is not empty (${tables} tables). Restore into an empty database, or pass --force to replace what the backup holds.`);
  }
  runTool(
    "pg_restore",
    ["--no-password", "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", ...(tables > 0 ? ["--clean", "--if-exists"] : []), `--dbname=${databaseName(url)}`, args.file],
    url,
  );
  const appUrl = process.env.DATABASE_URL;
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (ownerUrl && appUrl && roleOf(ownerUrl) !== roleOf(appUrl)) await grantAppRole(ownerUrl, roleOf(appUrl));
  return `PostgreSQL database "${databaseName(url)}"`;
}

async function restorePglite(dir: string, args: Args): Promise<string> {
  if (!args.file.endsWith(PGLITE_SUFFIX)) throw new Error(`${shown(args.file)} is not an embedded-database backup (*${PGLITE_SUFFIX}); DATABASE_URL is not set, so the target is the embedded database.`);
  const exists = fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
  if (exists && !args.force) throw new Error(`The embedded database ${shown(dir)} is not empty. Restore into a new TRIALDESK_PGLITE_DIR, or pass --force to move it aside.`);
  const keyTarget = auditKeyFile(dir);
  if (exists) {
    const aside = `${dir}.replaced-${new Date().toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-")}`;
    fs.renameSync(dir, aside);
    console.log(`Moved the existing database aside to ${shown(aside)}.`);
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (args.keyFile) {
    if (fs.existsSync(keyTarget) && fs.readFileSync(keyTarget, "utf8").trim() !== fs.readFileSync(args.keyFile, "utf8").trim() && !args.force) {
      throw new Error(`${shown(keyTarget)} already holds a different audit key; pass --force to replace it.`);
    }
    fs.copyFileSync(args.keyFile, keyTarget);
    fs.chmodSync(keyTarget, 0o600);
  } else if (!process.env.AUDIT_KEY && !fs.existsSync(keyTarget)) {
    console.error(`Warning: no audit key for the restored database (no AUDIT_KEY, no ${shown(keyTarget)}); the app would make a new one and the trail would not verify. Pass --audit-key-file <the source's audit-key>.`);
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create(dir, { loadDataDir: new Blob([fs.readFileSync(args.file)]) });
  try {
    await pg.query("select 1");
  } finally {
    await pg.close();
  }
  return `embedded database ${shown(dir)}`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t = target(embeddedDataDir);
  const started = Date.now();
  const what = t.kind === "postgres" ? await restorePostgres(t.url, args) : await restorePglite(t.dir, args);
  console.log(`Restored ${shown(args.file)} into the ${what} (${Date.now() - started} ms). Check the audit trail with: npm run audit:verify -- --full`);
}

main().catch((error) => {
  console.error(`Could not restore the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
