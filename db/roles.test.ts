/**
 * The production roles on a real PostgreSQL server (issue 12, finding 6): an owner that migrates,
 * an app role that may only INSERT and SELECT the audit trail and can run no DDL, and the CLI
 * catching what the owner can still do — remove the newest events — through an anchor. PostgreSQL
 * only (PGlite has one role); set DATABASE_URL to a superuser's URL.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditKeyConnection } from "./audit-key";
import { migrateForApp, migrationsPending } from "./migrate";
import { setUpRoles } from "./roles";

const superUrl = process.env.DATABASE_URL;
const tag = `${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
const database = `trialdesk_roles_${tag}`;
const KEY = "roles-test-audit-key-0123456789abcdefghij";

function url(role: string, password: string): string {
  const u = new URL(superUrl!);
  u.username = role;
  u.password = password;
  u.pathname = `/${database}`;
  return u.toString();
}

const ownerUrl = superUrl ? url(`td_owner_${tag}`, "owner-pw-1") : "";
const appUrl = superUrl ? url(`td_app_${tag}`, "app-pw-1") : "";

function cli(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), [script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_OWNER_URL: "", TRIALDESK_DEMO: "", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!superUrl)("PostgreSQL roles: owner migrates, app appends", () => {
  let app: postgres.Sql;
  let owner: postgres.Sql;

  beforeAll(async () => {
    await setUpRoles({ adminUrl: superUrl!, ownerUrl, appUrl });
    await migrateForApp(appUrl, ownerUrl);
    app = postgres(appUrl, { max: 1, onnotice: () => {}, connection: auditKeyConnection({ key: KEY, source: "AUDIT_KEY" }) });
    owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await app?.end({ timeout: 5 });
    await owner?.end({ timeout: 5 });
    const admin = postgres(superUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const role of [`td_app_${tag}`, `td_owner_${tag}`]) await admin.unsafe(`DROP ROLE IF EXISTS ${role}`);
    await admin.end({ timeout: 5 });
  });

  it("lets the app role append and read audit rows, read the applied migrations, and write data", async () => {
    // What lib/audit/writer.ts sends: the trigger numbers, stamps and keys the row.
    for (let i = 0; i < 4; i++) await app`insert into audit_events (entity, action) values ('e', ${`a${i}`})`;
    expect(await app`select seq::int, key_version from audit_events order by seq`).toEqual([1, 2, 3, 4].map((seq) => ({ seq, key_version: 2 })));
    // …and what lib/audit/sealer.ts runs: the seals are appended by the app role too.
    expect(await app`select audit_seal() as n`).toEqual([{ n: 4 }]);
    await app`select max(created_at) from drizzle.__drizzle_migrations`;
    await app`insert into sites (name, timezone) values ('Roles test site', 'UTC')`;
    // Nothing to migrate: the app's own start does not try (it could not).
    expect(await migrationsPending(appUrl)).toBe(false);
    await expect(migrateForApp(appUrl, undefined)).resolves.toBeUndefined();
  });

  it.each([
    ["UPDATE", "update audit_events set reason = 'x'"],
    ["DELETE", "delete from audit_events where seq = 1"],
    ["TRUNCATE", "truncate audit_events"],
    ["UPDATE of a seal", "update audit_seals set hash = 'x'"],
    ["DELETE of a seal", "delete from audit_seals where chain_seq = 1"],
    ["TRUNCATE of the seals", "truncate audit_seals"],
    ["ALTER TABLE … DISABLE TRIGGER on the seals", "alter table audit_seals disable trigger audit_seals_no_update_delete"],
    ["replacing the sealing function", "create or replace function audit_seal() returns integer language sql as $$ select 0 $$"],
    ["ALTER TABLE … DISABLE TRIGGER", "alter table audit_events disable trigger audit_events_no_update_delete"],
    ["DROP TRIGGER", "drop trigger audit_events_chain on audit_events"],
    ["replacing the chain function", "create or replace function audit_events_chain() returns trigger language plpgsql as $$ begin return new; end $$"],
    ["ALTER TABLE on another table", "alter table sites add column x int"],
    ["CREATE TABLE", "create table scratch (id int)"],
    ["TRUNCATE another table", "truncate sites cascade"],
  ])("refuses the app role %s", async (_, statement) => {
    await expect(app.unsafe(statement)).rejects.toMatchObject({ code: "42501" });
  });

  it("catches the owner removing the newest events with an anchor, and a wrong AUDIT_KEY", async () => {
    const env = { DATABASE_URL: appUrl, AUDIT_KEY: KEY };
    const anchorRun = cli("scripts/audit-anchor.ts", [], env);
    expect(anchorRun.status, anchorRun.out).toBe(0);
    const anchor = anchorRun.out.split("\n")[0]!.trim();
    expect(anchor).toMatch(/^4:[0-9a-f]{64}$/);
    expect(cli("scripts/audit-verify.ts", ["--anchor", anchor], env).status).toBe(0);

    // The owner can switch the guard off; the app role could not (above).
    await owner.unsafe("alter table audit_events disable trigger audit_events_no_update_delete");
    await owner.unsafe("alter table audit_seals disable trigger audit_seals_no_update_delete");
    await owner.unsafe("delete from audit_seals where chain_seq >= 3");
    await owner.unsafe("delete from audit_events where seq >= 3");
    await owner.unsafe("alter table audit_seals enable trigger audit_seals_no_update_delete");
    await owner.unsafe("alter table audit_events enable trigger audit_events_no_update_delete");

    // What is left still links up: a plain re-verification cannot see the loss…
    expect(cli("scripts/audit-verify.ts", ["--full"], env).status).toBe(0);
    // …the anchor kept elsewhere does.
    const anchored = cli("scripts/audit-verify.ts", ["--anchor", anchor], env);
    expect(anchored.status).toBe(1);
    expect(anchored.out).toMatch(/anchored seal #4 is gone/);

    const wrongKey = cli("scripts/audit-verify.ts", ["--full"], { ...env, AUDIT_KEY: "a-different-key-of-sufficient-length-000" });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.out).toMatch(/BROKEN at #1.*AUDIT_KEY/);
  });

  it("refuses to start on PostgreSQL in production without AUDIT_KEY", () => {
    const run = cli("scripts/audit-verify.ts", [], { DATABASE_URL: appUrl, AUDIT_KEY: "" });
    expect(run.status).toBe(2);
    expect(run.out).toMatch(/AUDIT_KEY is not set/);
  });
});
