/**
 * `npm run db:roles`: sets up the two PostgreSQL roles of a production deployment (db/roles.ts;
 * README, "Audit trail in production").
 *
 *   DATABASE_ADMIN_URL=postgres://postgres@db/postgres \
 *   DATABASE_OWNER_URL=postgres://trialdesk_owner:…@db/trialdesk \
 *   DATABASE_URL=postgres://trialdesk_app:…@db/trialdesk npm run db:roles
 *
 * With DATABASE_ADMIN_URL (a superuser): creates both roles with the passwords in their URLs, the
 * database if missing, and makes the owner own it and everything in it. Then, as the owner, grants
 * the app role what it may do. Without DATABASE_ADMIN_URL only the grants (the roles must exist).
 * `--print` prints the SQL instead of running it. Idempotent: run it again after a restore.
 */
import { grantSql, ownershipSql, roleOf, databaseOf, rolesSql, setUpRoles } from "@/db/roles";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`db:roles needs ${name} (see README, "Audit trail in production").`);
    process.exit(2);
  }
  return value;
}

async function main() {
  const ownerUrl = required("DATABASE_OWNER_URL");
  const appUrl = required("DATABASE_URL");
  const adminUrl = process.env.DATABASE_ADMIN_URL || undefined;
  if (process.argv.includes("--print")) {
    const statements = [
      "-- as a superuser:",
      ...rolesSql(ownerUrl, appUrl),
      `-- CREATE DATABASE "${databaseOf(ownerUrl)}" OWNER "${roleOf(ownerUrl)}"; -- if it does not exist yet`,
      `-- then, connected to ${databaseOf(ownerUrl)}:`,
      ...ownershipSql(ownerUrl),
      `-- as ${roleOf(ownerUrl)}, after every migration (npm run db:migrate does it):`,
      ...grantSql(roleOf(appUrl), roleOf(ownerUrl), databaseOf(ownerUrl)),
    ];
    console.log(statements.map((s) => (s.startsWith("--") ? s : `${s};`)).join("\n"));
    return;
  }
  await setUpRoles({ adminUrl, ownerUrl, appUrl });
  console.log(
    `Roles ready on ${databaseOf(ownerUrl)}: "${roleOf(ownerUrl)}" owns the schema and migrates; "${roleOf(appUrl)}" reads and writes data, ` +
      "may only INSERT and SELECT audit_events, and can change no table's definition.",
  );
}

main().catch((error) => {
  // The message only: a connection error can carry the URL, never the stack.
  console.error(`Could not set up the roles: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
