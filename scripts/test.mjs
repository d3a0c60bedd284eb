#!/usr/bin/env node
/**
 * `npm test`: everything — types, lint, unit + integration (vitest), end-to-end (Playwright) —
 * on the embedded database, or on PostgreSQL when DATABASE_URL is set. Runs every step even when
 * one fails, then prints one line `N passed, N failed` summed over all runners (type check and
 * lint count as one check each).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trialdesk-test-"));
let passed = 0;
let failed = 0;

function run(title, command, args, extraEnv = {}) {
  console.log(`\n▶ ${title}`);
  return spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" }).status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed++;
  else failed++;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

check("Type check", bin("tsc"), ["--noEmit", "-p", "."]);
check("Lint", bin("eslint"), ["--max-warnings=0", "."]);

const vitestOut = path.join(tmp, "vitest.json");
const vitestOk = run("Unit and integration tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestOut}`]);
const vitest = readJson(vitestOut);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1);
} else failed++;

const e2eOut = path.join(tmp, "playwright.json");
const e2eOk = run("End-to-end tests (Playwright)", "node", ["scripts/e2e.mjs"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut });
const e2e = readJson(e2eOut);
if (e2e?.stats) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + (e2eOk || e2e.stats.unexpected > 0 ? 0 : 1);
} else failed++;

// Live updates across two `next start` instances need PostgreSQL's LISTEN/NOTIFY (reuses the e2e build).
if (process.env.DATABASE_URL) check("Live updates across two app instances (PostgreSQL)", "node", ["scripts/live-two-instances.mjs"]);

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
