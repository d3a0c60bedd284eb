/**
 * What the benchmarks share: a database of their own on PostgreSQL with the 10,000-subject
 * dataset (or a fresh embedded PGlite directory, embeddedEnv), and `next start` on it in its own
 * process group.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import readline from "node:readline";
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

/**
 * The server's environment on the embedded database at `dataDir`, as a newcomer's `npm start` has
 * it: no DATABASE_URL, no AUDIT_KEY (the key is generated into `<dataDir>.audit-key`). AUTH_SECRET
 * is set, so start.mjs writes none into the repository's .data/.
 */
export function embeddedEnv(dataDir, port, extra = {}) {
  const env = { ...process.env, TRIALDESK_PGLITE_DIR: dataDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: crypto.randomBytes(32).toString("base64url"), ...extra };
  for (const name of ["DATABASE_URL", "DATABASE_OWNER_URL", "AUDIT_KEY"]) if (!(name in extra)) delete env[name];
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

export async function waitFor(u, ms = 300_000, interval = 500) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(u)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`${u} did not come up`);
}

/**
 * Starts a server command in its own process group; returns a stop function. With `onLine`, the
 * server's standard output is read line by line: each line is handed to onLine, then printed unless
 * onLine returned false. `stop.child` is the spawned process.
 */
export function startServer(command, args, env, cwd = root, { onLine } = {}) {
  const server = spawn(command, args, { cwd, env, stdio: ["ignore", onLine ? "pipe" : "inherit", "inherit"], detached: true });
  if (onLine) {
    readline.createInterface({ input: server.stdout }).on("line", (line) => {
      if (onLine(line) !== false) console.log(line);
    });
  }
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  process.on("exit", stop);
  stop.child = server;
  return stop;
}

export const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
