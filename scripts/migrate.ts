/**
 * `npm run db:migrate`: applies the drizzle/ migrations to the configured database — DATABASE_URL,
 * or the embedded PGlite — and nothing else (no demo data). The app migrates on open too; this is
 * for a deployment that migrates as its own step.
 */
import { closeDb, dbKind, getDb } from "@/db";

async function main() {
  const started = Date.now();
  await getDb();
  console.log(`Migrations applied (${(await dbKind()) === "pglite" ? "embedded PGlite" : "PostgreSQL"}, ${Date.now() - started} ms).`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Could not migrate the database: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
