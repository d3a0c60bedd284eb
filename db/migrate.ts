/**
 * Applies drizzle/ migrations to PostgreSQL, one instance at a time (advisory lock).
 *
 * Who migrates (README, "Audit trail in production"): with `DATABASE_OWNER_URL` set, the owner role
 * does — the app's own role (`DATABASE_URL`) may not change the schema, nor update or delete audit
 * rows, so it must never be the one to run DDL. Without it (a developer's single role) the app's
 * URL migrates, as before. Either way nothing is done when the database already has every
 * migration this code ships, so an app role never even tries.
 */
import fs from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { grantAppRole, roleOf } from "./roles";

const MIGRATION_LOCK = 7_270_001;

export async function migrateWithLock(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), "drizzle") });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

/** The `when` of the newest migration this code ships (drizzle records it as `created_at`). */
function newestShipped(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "drizzle", "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return journal.entries.at(-1)?.when ?? 0;
}

/** Whether the database at `url` lacks a migration this code ships (no migrations table: yes). */
export async function migrationsPending(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ exists }] = (await client`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`) as unknown as [{ exists: boolean }];
    if (!exists) return true;
    const [{ last }] = (await client`select max(created_at) as last from drizzle.__drizzle_migrations`) as unknown as [{ last: string | null }];
    return last === null || Number(last) < newestShipped();
  } finally {
    await client.end({ timeout: 5 });
  }
}

export class MigrationsPendingError extends Error {}

/**
 * What the app does on open: migrate as the owner when `ownerUrl` is given (then grant the app's
 * role what it may do, in case a migration added a table), else as `appUrl` — only when a migration
 * is missing. An app role that cannot migrate gets a message saying how to.
 */
export async function migrateForApp(appUrl: string, ownerUrl: string | undefined): Promise<void> {
  if (ownerUrl) {
    await migrateWithLock(ownerUrl);
    const app = roleOf(appUrl);
    if (app !== roleOf(ownerUrl)) await grantAppRole(ownerUrl, app);
    return;
  }
  if (!(await migrationsPending(appUrl))) return;
  try {
    await migrateWithLock(appUrl);
  } catch (error) {
    if ((error as { code?: string }).code === "42501") {
      throw new MigrationsPendingError(
        `The database needs migrations and the role "${roleOf(appUrl)}" may not run them. Run \`npm run db:migrate\` with DATABASE_OWNER_URL set to the owner role (README, "Audit trail in production").`,
      );
    }
    throw error;
  }
}
