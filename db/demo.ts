/**
 * Demo data for a new installation. db/index.ts calls ensureDemoData() after migrating, on every
 * open: an empty embedded database (a newcomer's laptop) or an empty PostgreSQL database with
 * TRIALDESK_DEMO=1 gets the demo sites, accounts and about 200 subjects; a database that already
 * has users is left alone; an empty production database is left empty (its first admin comes from
 * `npm run setup:admin`).
 */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { seedDemo } from "./seed/demo-data";
import { DEMO_PASSWORD } from "./seed/people";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./seed/people";

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
