/**
 * Demo data for a new installation. Registered as the database's open hook (loadDemoDataOnOpen; by
 * instrumentation.ts for the Next server, registerDemoData() for the CLIs), it runs after migrating,
 * on every open: an empty embedded database (a newcomer's laptop) or an empty PostgreSQL database with
 * TRIALDESK_DEMO=1 gets the demo sites, accounts and about 200 subjects; a database that already
 * has users is left alone; an empty production database is left empty (its first admin comes from
 * `npm run setup:admin`).
 */
import { sql } from "drizzle-orm";
import { onDatabaseOpen, type Db, type DbOrTx, type OpenHook } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { seedDemo } from "./demo-data";
import { DEMO_PASSWORD } from "./people";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./people";

/** Serialises seeding between app instances that open the same empty database at once. */
const DEMO_SEED_LOCK = 7_270_010;

async function hasUsers(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

export async function ensureDemoData(
  db: Db,
  opts: { embedded: boolean; requested: boolean },
): Promise<"seeded" | "present" | "skipped"> {
  if (await hasUsers(db)) return "present";
  if (!opts.embedded && !opts.requested) return "skipped";
  // Hashed before taking the lock (argon2id is deliberately slow), once for every account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    // Another instance may have seeded while we waited for the lock.
    if (await hasUsers(tx)) return false;
    await seedDemo(tx, { passwordHash });
    return true;
  });
  return seeded ? "seeded" : "present";
}

/** The open hook: demo data for an empty embedded database, or any empty one with TRIALDESK_DEMO=1. */
export const loadDemoDataOnOpen: OpenHook = async (db, { kind }) => {
  await ensureDemoData(db, { embedded: kind === "pglite", requested: process.env.TRIALDESK_DEMO === "1" });
};

/** For a process that opens the database itself (the CLIs in scripts/): load demo data as the app does. */
export function registerDemoData(): void {
  onDatabaseOpen(loadDemoDataOnOpen);
}
