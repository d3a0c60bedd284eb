/**
 * `npm run db:backup [-- --out <dir>]`: a dated backup file of the configured database in <dir>
 * (default ./backups).
 *
 * - PostgreSQL (DATABASE_URL, or DATABASE_OWNER_URL when set): `pg_dump --format=custom`, restorable
 *   table by table with pg_restore; the client tools must be at least the server's version.
 * - Embedded PGlite: PGlite's own dump of its data directory (dumpDataDir, a gzipped tar). PGlite
 *   has no locking between processes, so stop the server first (the script cannot tell).
 *
 * The audit trail's key (AUDIT_KEY, or the embedded database's `.data/audit-key`) is NOT in the
 * backup, on purpose (db/audit-key.ts): keep it elsewhere — without it the restored chain cannot
 * be verified.
 */
import fs from "node:fs";
import path from "node:path";
import { embeddedDataDir } from "@/db";
import { backupName, checkToolVersion, databaseName, runTool, shown, target } from "./db-dump";

function parseArgs(argv: string[]): { out: string } {
  let out = path.join(process.cwd(), "backups");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--out" && argv[i + 1]) out = path.resolve(argv[++i]!);
    else if (arg.startsWith("--out=")) out = path.resolve(arg.slice("--out=".length));
    else {
      console.error(`Unknown option ${arg}.\nUsage: npm run db:backup [-- --out <dir>]`);
      process.exit(2);
    }
  }
  return { out };
}

async function main() {
  const { out } = parseArgs(process.argv.slice(2));
  const t = target(embeddedDataDir);
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, backupName(t.kind));
  const partial = `${file}.partial`; // renamed when complete: a backup file is never half-written
  const started = Date.now();
  if (t.kind === "postgres") {
    await checkToolVersion("pg_dump", t.url);
    runTool("pg_dump", ["--format=custom", "--no-password", `--file=${partial}`], t.url);
  } else {
    if (!fs.existsSync(path.join(t.dir, "PG_VERSION"))) throw new Error(`There is no embedded database at ${shown(t.dir)}.`);
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = await PGlite.create(t.dir);
    try {
      const dump = await pg.dumpDataDir("gzip");
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pg.close();
    }
  }
  fs.renameSync(partial, file);
  const what = t.kind === "postgres" ? `PostgreSQL database "${databaseName(t.url)}"` : `embedded database ${shown(t.dir)}`;
  console.log(`Backed up the ${what} to ${shown(file)} (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MiB, ${Date.now() - started} ms).`);
  console.log("The audit key is not in the backup: keep AUDIT_KEY (or the embedded database's audit-key file) safe separately.");
}

main().catch((error) => {
  console.error(`Could not back up the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
