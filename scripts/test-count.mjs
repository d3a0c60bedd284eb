/**
 * How `npm test` (scripts/test.mjs) counts: so that its summary line tells the truth (issue 12,
 * "Tests that tell the truth"). Kept apart so scripts/test-count.test.ts can hold it to that.
 */
import path from "node:path";

/**
 * vitest's JSON, file by file. A test passes only when vitest says it passed. In a failed file
 * every other test counts as failed (a failing beforeAll leaves them "skipped" or unreported; an
 * import error leaves none — that file counts once), but its passed tests stay passed: one failing
 * test is one failure, not the whole file's. Elsewhere a skipped test counts as failed unless it
 * names PostgreSQL and this run has no DATABASE_URL. `failures` names each failed test.
 */
export function countVitest(json, root, databaseUrl = process.env.DATABASE_URL) {
  let ok = 0;
  let bad = 0;
  const notes = [];
  const failures = [];
  for (const file of json.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const name = path.relative(root, file.name ?? "");
    if (file.status === "failed") {
      const passed = tests.filter((t) => t.status === "passed").length;
      const failed = tests.filter((t) => t.status === "failed");
      const hidden = tests.length - passed - failed.length;
      ok += passed;
      bad += Math.max(1, tests.length - passed);
      for (const t of failed) failures.push(`${name}: ${t.fullName ?? t.title}`);
      if (tests.length === 0) failures.push(`${name}: the file failed before any test ran`);
      if (hidden) {
        notes.push(`${name}: the file failed; ${hidden} of its tests not marked failed counted as failed`);
        failures.push(`${name}: ${hidden} tests that did not run because the file failed`);
      }
      continue;
    }
    for (const t of tests) {
      const title = t.fullName ?? t.title ?? "";
      if (t.status === "passed") ok++;
      else if (t.status !== "failed" && !databaseUrl && /PostgreSQL/.test(title)) continue; // declared scope
      else {
        bad++;
        failures.push(`${name}: ${title}${t.status === "failed" ? "" : ` (${t.status})`}`);
        if (t.status !== "failed") notes.push(`${name}: "${title}" ${t.status} (counted as failed)`);
      }
    }
  }
  return { passed: ok, failed: bad, notes, failures };
}

/** The titles of the Playwright tests that did not pass, from its JSON report (suites → specs). */
export function playwrightFailures(report) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) if (!spec.ok) out.push(`${spec.file ?? suite.file ?? ""}: ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return out;
}

/** Playwright's JSON stats: a test that passed only on a retry (flaky) or was skipped proved nothing — failed. */
export function countPlaywright(stats) {
  const notes = [];
  if (stats.flaky) notes.push(`${stats.flaky} passed only on a retry (counted as failed)`);
  if (stats.skipped) notes.push(`${stats.skipped} skipped (counted as failed)`);
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky + stats.skipped, notes };
}
