#!/usr/bin/env node
/**
 * `npm test`: everything — types, lint, unit + integration (vitest), end-to-end (Playwright) —
 * on the embedded database, or on PostgreSQL when DATABASE_URL is set (then also live updates
 * across two instances and a 10-second load, scripts/load.mjs). Runs every step even when one
 * fails, then prints one line `N passed, N failed` summed over all runners (type check, lint and
 * each script count as one check each).
 *
 * The count tells the truth (issue 12, "Tests that tell the truth"): a skipped test is a failure
 * (nothing proved it) — except a test named for PostgreSQL on the embedded run, which is its
 * declared scope; every test of a file that failed as a whole (a failing beforeAll, an import
 * error) counts as failed, however vitest marked it; a test that passed only on a retry is a failure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { countPlaywright, countVitest, playwrightFailures } from "./test-count.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trialdesk-test-"));
let passed = 0;
let failed = 0;
/** What failed, named once more just above the summary line, where a CI log's tail shows it. */
const failures = [];

function run(title, command, args, extraEnv = {}) {
  console.log(`\n▶ ${title}`);
  return spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" }).status === 0;
}

function check(title, command, args, extraEnv) {
  if (run(title, command, args, extraEnv)) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

function report(runner, notes) {
  if (notes.length) console.log(`\n${runner}: ${notes.join("; ")}`);
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
  const counted = countVitest(vitest, root);
  passed += counted.passed;
  failed += counted.failed + (vitestOk || counted.failed > 0 ? 0 : 1);
  failures.push(...counted.failures);
  if (!vitestOk && counted.failed === 0) failures.push("vitest exited with an error outside any test");
  report("vitest", counted.notes);
} else {
  failed++;
  failures.push("vitest wrote no report");
}

const e2eOut = path.join(tmp, "playwright.json");
const e2eOk = run("End-to-end tests (Playwright)", "node", ["scripts/e2e.mjs"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut });
const e2e = readJson(e2eOut);
if (e2e?.stats) {
  const counted = countPlaywright(e2e.stats);
  passed += counted.passed;
  failed += counted.failed + (e2eOk || counted.failed > 0 ? 0 : 1);
  failures.push(...playwrightFailures(e2e).map((f) => `e2e ${f}`));
  if (!e2eOk && counted.failed === 0) failures.push("Playwright exited with an error outside any test");
  report("Playwright", counted.notes);
} else {
  failed++;
  failures.push("Playwright wrote no report (did the server start?)");
}

// Live updates across two `next start` instances need PostgreSQL's LISTEN/NOTIFY (reuses the e2e build).
if (process.env.DATABASE_URL) check("Live updates across two app instances (PostgreSQL)", "node", ["scripts/live-two-instances.mjs"]);
// The load of `npm run test:load` for 10 seconds (and 20 connections): its checks, not its figures.
if (process.env.DATABASE_URL) {
  check("Load, 10 s (PostgreSQL)", "node", ["scripts/load.mjs"], { LOAD_SECONDS: process.env.LOAD_SECONDS ?? "10", LOAD_CONNECTIONS: process.env.LOAD_CONNECTIONS ?? "20" });
}

fs.rmSync(tmp, { recursive: true, force: true });
if (failures.length) {
  console.log(`\nFailed (${failures.length}):`);
  for (const f of failures.slice(0, 40)) console.log(`  ✗ ${f.slice(0, 300)}`);
  if (failures.length > 40) console.log(`  … and ${failures.length - 40} more`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
