/**
 * What the load and fault scripts share: a fresh PostgreSQL database (or PGlite directory) with the
 * demo data, the production build started on it through scripts/start.mjs in its own process group
 * (so it can be stopped — or SIGKILLed — as a whole), and API tokens / page cookies for demo users.
 *
 * The server's output goes to a log file, printed (its tail) when something fails.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const DEMO_PASSWORD = "TrialDesk-demo-1";
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export { freePort } from "./stream-helpers.mjs";

/** The PostgreSQL server to create scratch databases on: DATABASE_URL, else the local default. */
export function adminUrl() {
  return new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
}

/** A new empty database named after the admin URL's database (`<db>_<label>_<pid>`), dropped by `drop()`. */
export async function scratchDatabase(label) {
  const admin = adminUrl();
  const base = admin.pathname.slice(1) || "postgres";
  const name = `${base}_${label}_${process.pid}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql.unsafe(`CREATE DATABASE "${name}"`);
  await sql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const s = postgres(admin.toString(), { max: 1, onnotice: () => {} });
      await s.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await s.end();
    },
  };
}

/** The environment a server (and audit:verify) runs with: one database, demo data, limits lifted. */
export function serverEnv({ databaseUrl, pgliteDir, port, extra = {} }) {
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    TRIALDESK_DEMO: "1",
    PORT: String(port),
    AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString("base64url"),
    // A load is far above one person's rate limits; lift them for the run only.
    API_RATE_LIMIT_PER_MINUTE: "100000000",
    ...extra,
  };
  if (databaseUrl) {
    env.DATABASE_URL = databaseUrl;
    delete env.TRIALDESK_PGLITE_DIR;
  } else {
    delete env.DATABASE_URL;
    env.TRIALDESK_PGLITE_DIR = pgliteDir;
  }
  return env;
}

/**
 * Starts `node scripts/start.mjs` (builds when stale, prepares the database, serves) in its own
 * process group and waits until /login answers. Returns { base, stop, kill, log, exited }.
 */
export async function startApp(env, { label = "app", timeoutMs = 600_000 } = {}) {
  const logFile = path.join(os.tmpdir(), `trialdesk-${label}-${process.pid}-${Date.now()}.log`);
  const out = fs.openSync(logFile, "a");
  const child = spawn("node", ["scripts/start.mjs"], { cwd: root, env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const signal = (s) => {
    try {
      process.kill(-child.pid, s);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => signal("SIGKILL");
  process.on("exit", onExit);
  const exited = new Promise((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
  const app = {
    base: `http://localhost:${env.PORT}`,
    pid: child.pid,
    logFile,
    log: (chars = 3000) => fs.readFileSync(logFile, "utf8").slice(-chars),
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    /** SIGTERM the group and wait for it (SIGKILL after 10 s). */
    stop: async () => {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
      process.off("exit", onExit);
    },
    /** SIGKILL the whole group (start.mjs and next-server): no shutdown code runs. */
    kill: async () => {
      signal("SIGKILL");
      await exited;
      // next-server is in the group too; give the kernel a moment to reap it and free the port.
      await sleep(300);
      process.off("exit", onExit);
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!app.alive()) throw new Error(`the ${label} server exited:\n${app.log()}`);
    try {
      if ((await fetch(`${app.base}/login`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`the ${label} server did not start:\n${app.log()}`);
    await sleep(500);
  }
  return app;
}

/** An API token for a demo user (POST /api/v1/sessions), with the user as /users/me shows it. */
export async function apiSession(base, username) {
  const res = await fetch(`${base}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const { token, user } = await res.json();
  return { username, token, user, siteId: user.siteId ?? null, auth: { authorization: `Bearer ${token}` } };
}

/** A browser session cookie for a demo user, through Auth.js's credentials callback (as the login form posts). */
export async function pageCookie(base, username) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password: DEMO_PASSWORD }).toString(),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`page sign-in of ${username} failed: ${res.status}`);
  return cookie();
}

/** `npm run audit:verify` against the server's database; true when the chain is intact. */
export function auditVerify(env) {
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/audit-verify.ts"], { cwd: root, env, encoding: "utf8" });
  const output = `${r.stdout}${r.stderr}`.trim();
  return { ok: r.status === 0, output };
}

export const pct = (sorted, p) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
