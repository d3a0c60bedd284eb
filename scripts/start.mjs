#!/usr/bin/env node
/**
 * `npm start`: build when the build is missing or older than the sources, prepare the database
 * (migrations; demo data on an empty embedded database), print the demo logins, then serve.
 *
 * PORT (default 3000) picks the port. AUTH_SECRET, when unset, is generated once into .data/.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function ensureAuthSecret() {
  if (env.AUTH_SECRET) return;
  const file = path.join(root, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

const SOURCES = ["app", "components", "lib", "db", "drizzle", "public", "proxy.ts", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function buildIfStale() {
  const buildId = path.join(root, env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built > sources) return;
  console.log(built ? "Sources changed since the last build: rebuilding…" : "No build yet: building TrialDesk…");
  const result = spawnSync(bin("next"), ["build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function prepareDatabase() {
  const result = spawnSync(bin("tsx"), ["scripts/prepare.ts"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureAuthSecret();
buildIfStale();
prepareDatabase();

const port = env.PORT ?? "3000";
console.log(`TrialDesk is starting on http://localhost:${port}`);
// Run next directly (not through npx, which can orphan next-server) in our own process group, so
// whoever stops this group (a terminal's Ctrl-C, Playwright's web server teardown) stops it too.
// A larger young generation for the server: each API request allocates a few hundred kB (request,
// rows, response), and with V8's default the scavenger ran often enough to cost ~15 % of create
// throughput in bench:api. Costs at most 96 MB more memory. An explicit NODE_OPTIONS setting wins.
// The owner's credentials are for the migration step above only: the running app connects as the
// app role (which may not alter or delete the audit trail), so it never holds the owner's URL.
const appEnv = { ...env };
delete appEnv.DATABASE_OWNER_URL;
const serverEnv = { ...appEnv, NODE_OPTIONS: appEnv.NODE_OPTIONS?.includes("--max-semi-space-size") ? appEnv.NODE_OPTIONS : `${appEnv.NODE_OPTIONS ?? ""} --max-semi-space-size=32`.trim() };
// scripts/serve.mjs is `next start` plus the request context (the socket's address, a request id).
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
  cwd: root,
  env: { ...serverEnv, PORT: port, NODE_ENV: "production" },
  stdio: "inherit",
});
const stop = (signal) => {
  if (server.exitCode === null) server.kill(signal);
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
