/**
 * `npm run db:migrate`: applies the drizzle/ migrations to the configured database and nothing else
 * (no demo data). The app migrates on open too; this is for a deployment that migrates as its own step.
 *
 * - PostgreSQL with DATABASE_OWNER_URL: migrates as the owner role, then grants the app role
 *   (DATABASE_URL's user, when given) what it may do (db/roles.ts) — so a migration's new table
 *   is usable by the app and audit_events stays append-only for it.
 * - PostgreSQL with only DATABASE_URL: migrates as that role (a single-role setup, or the owner's
 *   credentials passed as DATABASE_URL for this one command).
 * - Neither: the embedded PGlite.
 */
import { closeDb, getDb } from "@/db";
import { migrateForApp, migrateWithLock } from "@/db/migrate";
import { roleOf } from "@/db/roles";

async function main() {
  const started = Date.now();
  const appUrl = process.env.DATABASE_URL || undefined;
  const ownerUrl = process.env.DATABASE_OWNER_URL || undefined;
  if (ownerUrl && appUrl) {
    await migrateForApp(appUrl, ownerUrl);
    console.log(`Migrations applied as "${roleOf(ownerUrl)}"; "${roleOf(appUrl)}" granted (PostgreSQL, ${Date.now() - started} ms).`);
  } else if (ownerUrl || appUrl) {
    const url = (ownerUrl ?? appUrl)!;
    await migrateWithLock(url);
    console.log(`Migrations applied as "${roleOf(url)}" (PostgreSQL, ${Date.now() - started} ms).`);
  } else {
    await getDb();
    console.log(`Migrations applied (embedded PGlite, ${Date.now() - started} ms).`);
    await closeDb();
  }
}

main().catch(async (error) => {
  console.error(`Could not migrate the database: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
