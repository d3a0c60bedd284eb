/**
 * The demo accounts in a database that got the demo data (./demo.ts): are any of them still usable
 * with the published password (the "Demo data" banner, ./demo-banner.ts), and disabling them all
 * (`npm run setup:admin -- --remove-demo`, lib/users/first-admin.ts).
 *
 * Loaded by scripts/setup-admin.ts through tsx, so no `server-only` here (tests/server-only.test.ts).
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { verifyPassword } from "@/lib/password";
import { writeAsSystem } from "@/lib/write/road";
import { DEMO_PASSWORD, USER_DEFS } from "./people";

/** Every account the demo seed creates (DEMO_ACCOUNTS are the ones the start script prints; all share the password). */
export const DEMO_USERNAMES: readonly string[] = USER_DEFS.map((u) => u.username);

/** The audit row seedDemo() writes: this database was loaded with the demo data (lib/seed/demo-data.ts). */
const seededWithDemo = (db: DbOrTx) =>
  db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, "system"), eq(auditEvents.action, "seed"), eq(auditEvents.reason, "Demo data")))
    .limit(1);

/**
 * Whether `hash` is the demo password's. A stored hash string decides the answer for good, so each
 * distinct hash is verified (argon2id, tens of milliseconds) once per process and remembered: the
 * demo accounts share one hash, so a process pays for one verification, and again only when
 * someone changes a demo account's password (a new hash). Bounded, in case of many changes.
 */
const demoHashes = new Map<string, Promise<boolean>>();
function isDemoPasswordHash(hash: string): Promise<boolean> {
  let known = demoHashes.get(hash);
  if (!known) {
    if (demoHashes.size >= 64) demoHashes.clear();
    known = verifyPassword(hash, DEMO_PASSWORD);
    demoHashes.set(hash, known);
  }
  return known;
}

/**
 * True while a demo account can still be used: the database was seeded with the demo data, and an
 * account of the seed that is not disabled still has the published password. One indexed query
 * (nothing at all to verify on a database the demo never touched); see isDemoPasswordHash for the
 * password part.
 */
export async function demoAccountsActive(db?: DbOrTx): Promise<boolean> {
  const handle = db ?? (await getDb());
  const [seeded] = await seededWithDemo(handle);
  if (!seeded) return false;
  const rows = await handle
    .selectDistinct({ password: users.password })
    .from(users)
    .where(and(inArray(users.username, [...DEMO_USERNAMES]), ne(users.status, "disabled")));
  for (const { password } of rows) {
    if (await isDemoPasswordHash(password)) return true;
  }
  return false;
}

/** Serialises removals (a setup run twice at once); lib/seed/demo.ts' seed lock is 7_270_010. */
const REMOVE_DEMO_LOCK = 7_270_019;

export const REMOVE_DEMO_REASON = "Demo accounts removed at setup (npm run setup:admin -- --remove-demo)";

/**
 * Disables every account the demo seed created that is not disabled yet — never deletes: what they
 * wrote stays attributed to them — each audited as `user.disable` with the reason. Only in a
 * database the demo seed loaded: elsewhere a real account may carry a demo username ("admin").
 * In the caller's transaction when given one (setup of the first admin, all or nothing).
 */
export async function removeDemoAccounts(handle?: Tx): Promise<{ disabled: string[] }> {
  const run = (tx: Tx) =>
    writeAsSystem(
      null,
      async (w) => {
        const [seeded] = await seededWithDemo(w.tx);
        if (!seeded) return { disabled: [] };
        const loaded = await w.loadWhere("user", and(inArray(users.username, [...DEMO_USERNAMES]), ne(users.status, "disabled"))!);
        const rows = await w.updateMany(loaded, { status: "disabled" }, { audit: "user.disable", reason: REMOVE_DEMO_REASON });
        return { disabled: rows.map((r) => r.username).sort() };
      },
      tx,
    );
  if (handle) return run(handle);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // One removal at a time; a second finds nothing left to disable.
    await tx.execute(sql`select pg_advisory_xact_lock(${REMOVE_DEMO_LOCK})`);
    return run(tx);
  });
}
