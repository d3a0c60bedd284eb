/**
 * What the benchmarks share: a database of their own on PostgreSQL with the 10,000-subject
 * dataset, and `next start` on it in its own process group.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import postgres from "postgres";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export function benchEnv(url, port, extra = {}) {
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    // The seed (a CLI) and the server must key the audit chain alike (db/audit-key.ts).
    AUDIT_KEY: process.env.AUDIT_KEY ?? "trialdesk-benchmark-audit-key--not-a-secret",
    ...extra,
  };
  delete env.TRIALDESK_PGLITE_DIR;
  return env;
}

function adminClient(url) {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  return postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
}

/** Drops and creates the database — empty, or as a copy of `template`'s database. */
export async function recreateDatabase(url, template) {
  const admin = adminClient(url);
  const name = new URL(url).pathname.slice(1);
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (template) {
    // FILE_COPY, not PostgreSQL 15's default WAL_LOG: that writes the whole copy through the WAL,
    // and the checkpoint it brings on lands in the middle of the first scenario.
    const from = new URL(template).pathname.slice(1);
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${from}" STRATEGY FILE_COPY`).catch(() => admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${from}"`));
    await admin.unsafe("CHECKPOINT").catch(() => {});
  } else {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  }
  await admin.end();
}

export async function dropDatabase(url) {
  const admin = adminClient(url);
  await admin.unsafe(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
}

export function seed(env, subjects = 10000) {
  const t = Date.now();
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/seed.ts", "--subjects", String(subjects)], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error("seeding failed");
  console.log(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

export async function waitFor(u, ms = 300_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(u)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${u} did not come up`);
}

/** Starts a server command in its own process group; returns a stop function. */
export function startServer(command, args, env, cwd = root) {
  const server = spawn(command, args, { cwd, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  process.on("exit", stop);
  return stop;
}

export const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
