/**
 * Run by `npm start` before the server starts: opens the database (which applies migrations and,
 * for an empty embedded database or TRIALDESK_DEMO=1, loads the demo data), then says what a
 * newcomer needs to know. It closes the database again: PGlite allows one process at a time.
 * With DATABASE_OWNER_URL set, the migrations run as that role (db/migrate.ts); give the server
 * itself only DATABASE_URL, the app's role.
 */
import { sql } from "drizzle-orm";
import { closeDb, dbKind, getDb } from "@/db";
import { postgresAuditKey } from "@/db/audit-key";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, registerDemoData } from "@/lib/seed/demo";
import { users } from "@/db/schema";

async function main() {
  // npm start serves in production: without AUDIT_KEY on PostgreSQL the server would refuse to
  // open the database, so say so now, before anything is migrated (db/audit-key.ts).
  if (process.env.DATABASE_URL) postgresAuditKey({ production: true });
  registerDemoData();
  const started = Date.now();
  const db = await getDb();
  const kind = await dbKind();
  const [{ count }] = (await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(users)) as [{ count: number }];
  const [demo] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = 'coordinator1'`).limit(1);
  console.log(`TrialDesk database ready (${kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}, ${Date.now() - started} ms).`);
  if (count === 0) {
    console.log("The database has no users yet. Create the first administrator with: npm run setup:admin");
  } else if (demo) {
    console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(14)} ${a.description}`);
  }
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
