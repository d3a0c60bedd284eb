#!/usr/bin/env node
/**
 * Runs the Playwright suite against a fresh database with the demo data:
 * - embedded: a new PGlite directory under .data/ (removed afterwards);
 * - DATABASE_URL set: a new PostgreSQL database next to it (dropped afterwards).
 * Extra arguments go to `playwright test`.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const { chromiumPath, HOW_TO_GET_ONE } = createRequire(import.meta.url)("./chromium.cjs");
if (chromiumPath() === null) {
  console.error(HOW_TO_GET_ONE);
  process.exit(1);
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TRIALDESK_DEMO: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString("base64url"),
  E2E_PORT: process.env.E2E_PORT ?? "3100",
};

let cleanup = () => {};
if (process.env.DATABASE_URL) {
  const name = `trialdesk_e2e_${process.pid}`;
  const admin = new URL(process.env.DATABASE_URL);
  const psql = (sql) =>
    spawnSync("psql", [admin.toString(), "-v", "ON_ERROR_STOP=1", "-qc", sql], { stdio: "inherit" }).status === 0;
  if (!psql(`CREATE DATABASE ${name}`)) process.exit(1);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} else {
  const dir = path.join(root, ".data", `e2e-${process.pid}`);
  env.TRIALDESK_PGLITE_DIR = dir;
  cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
}

const result = spawnSync(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
cleanup();
process.exit(result.status ?? 1);
