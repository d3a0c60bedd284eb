/**
 * The two PostgreSQL roles of a production deployment (README, "Audit trail in production"):
 *
 * - the **owner** (`DATABASE_OWNER_URL`) owns the schema and runs the migrations;
 * - the **app** (`DATABASE_URL`) reads and writes data, may only INSERT and SELECT `audit_events` and `audit_seals`
 *   (no UPDATE, DELETE or TRUNCATE there), TRUNCATE nothing, and owns nothing, so it can run no
 *   DDL: no ALTER TABLE … DISABLE TRIGGER, no replacing the chain's functions.
 *
 * `adminSql` (run by a superuser, once) creates the roles and hands the database to the owner;
 * `grantSql` (run by the owner, after every migration) gives the app role its rights. Both are
 * idempotent. `npm run db:roles` runs them; `npm run db:roles -- --print` shows them.
 */
import postgres from "postgres";

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain lower-case PostgreSQL name (letters, digits, _)`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username || "postgres");
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || roleOf(url);
}

/** Superuser part, on any database of the server: both roles, with the URLs' passwords. */
export function rolesSql(ownerUrl: string, appUrl: string): string[] {
  const role = (name: string, url: string) => {
    const password = decodeURIComponent(new URL(url).password);
    const login = password ? `LOGIN PASSWORD ${literal(password)}` : "LOGIN";
    return `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(name)}) THEN CREATE ROLE ${ident(name)} ${login}; END IF;
END $$`;
  };
  const app = roleOf(appUrl);
  return [role(roleOf(ownerUrl), ownerUrl), role(app, appUrl), `ALTER ROLE ${ident(app)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`];
}

/** Superuser part, on the app's database: it, its schema and everything in it owned by the owner. */
export function ownershipSql(ownerUrl: string): string[] {
  const owner = ident(roleOf(ownerUrl));
  return [
    `ALTER DATABASE ${ident(databaseOf(ownerUrl))} OWNER TO ${owner}`,
    `ALTER SCHEMA public OWNER TO ${owner}`,
    // An existing deployment's tables, sequences and functions, created by whoever migrated before.
    `DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT format('ALTER TABLE %I.%I OWNER TO ${owner}', schemaname, tablename) AS s FROM pg_tables WHERE schemaname IN ('public', 'drizzle')
    UNION ALL SELECT format('ALTER SEQUENCE %I.%I OWNER TO ${owner}', schemaname, sequencename) FROM pg_sequences WHERE schemaname IN ('public', 'drizzle')
    UNION ALL SELECT format('ALTER FUNCTION %s OWNER TO ${owner}', p.oid::regprocedure) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    UNION ALL SELECT format('ALTER SCHEMA %I OWNER TO ${owner}', nspname) FROM pg_namespace WHERE nspname = 'drizzle'
  LOOP EXECUTE r.s; END LOOP;
END $$`,
  ];
}

/** Owner part: what the app role may do. */
export function grantSql(app: string, owner: string, database: string): string[] {
  const a = ident(app);
  const o = ident(owner);
  return [
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `REVOKE CREATE ON DATABASE ${ident(database)} FROM PUBLIC`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${a}`,
    `GRANT USAGE ON SCHEMA public TO ${a}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${a}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${a}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${a}`,
    // The audit trail and its seals: append and read only. (The triggers refuse UPDATE/DELETE/TRUNCATE too, but
    // only a role that does not own the table cannot switch them off.) Before the first migration
    // there is no table yet; migrating with DATABASE_OWNER_URL runs this again.
    `DO $$ BEGIN
  IF to_regclass('public.audit_events') IS NOT NULL THEN
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM ${a};
    GRANT SELECT, INSERT ON audit_events TO ${a};
  END IF;
  IF to_regclass('public.audit_seals') IS NOT NULL THEN
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_seals FROM ${a};
    GRANT SELECT, INSERT ON audit_seals TO ${a};
  END IF;
END $$`,
    // The readiness check reads which migrations were applied (lib/health.ts).
    `DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'drizzle') THEN
    GRANT USAGE ON SCHEMA drizzle TO ${a};
    GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${a};
  END IF;
END $$`,
  ];
}

async function run(url: string, statements: string[]): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const statement of statements) await client.unsafe(statement);
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function grantAppRole(ownerUrl: string, app: string): Promise<void> {
  await run(ownerUrl, grantSql(app, roleOf(ownerUrl), databaseOf(ownerUrl)));
}

function onDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/**
 * Everything `npm run db:roles` does. With `adminUrl` (a superuser): the roles, the database (created
 * when missing) and the owner's ownership of it. Then, as the owner, the app role's grants.
 */
export async function setUpRoles(opts: { adminUrl?: string; ownerUrl: string; appUrl: string }): Promise<void> {
  if (roleOf(opts.ownerUrl) === roleOf(opts.appUrl)) throw new Error("DATABASE_OWNER_URL and DATABASE_URL name the same role; the app needs a role of its own.");
  if (databaseOf(opts.ownerUrl) !== databaseOf(opts.appUrl)) throw new Error("DATABASE_OWNER_URL and DATABASE_URL name different databases.");
  if (opts.adminUrl) {
    const database = databaseOf(opts.ownerUrl);
    const admin = postgres(opts.adminUrl, { max: 1, onnotice: () => {} });
    try {
      for (const statement of rolesSql(opts.ownerUrl, opts.appUrl)) await admin.unsafe(statement);
      const found = await admin`select 1 from pg_database where datname = ${database}`;
      if (found.length === 0) await admin.unsafe(`CREATE DATABASE ${ident(database)} OWNER ${ident(roleOf(opts.ownerUrl))}`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    await run(onDatabase(opts.adminUrl, database), ownershipSql(opts.ownerUrl));
  }
  await grantAppRole(opts.ownerUrl, roleOf(opts.appUrl));
}
