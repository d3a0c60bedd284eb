/**
 * How `npm test` (scripts/test.mjs) counts: so that its summary line tells the truth (issue 12,
 * "Tests that tell the truth"). Kept apart so scripts/test-count.test.ts can hold it to that.
 */
import path from "node:path";

/**
 * vitest's JSON, file by file: a failed file's tests all count as failed (a failing beforeAll
 * leaves them "skipped" or unreported; an import error leaves none — that file counts once);
 * a skipped test counts as failed unless it names PostgreSQL and this run has no DATABASE_URL.
 */
export function countVitest(json, root, databaseUrl = process.env.DATABASE_URL) {
  let ok = 0;
  let bad = 0;
  const notes = [];
  for (const file of json.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const name = path.relative(root, file.name ?? "");
    if (file.status === "failed") {
      const n = Math.max(1, tests.length);
      bad += n;
      const hidden = tests.filter((t) => t.status !== "failed").length;
      if (hidden) notes.push(`${name}: the file failed; ${hidden} of its tests not marked failed counted as failed`);
      continue;
    }
    for (const t of tests) {
      if (t.status === "passed") ok++;
      else if (t.status === "failed") bad++;
      else if (!databaseUrl && /PostgreSQL/.test(t.fullName ?? t.title ?? "")) continue; // declared scope
      else {
        bad++;
        notes.push(`${name}: "${t.fullName ?? t.title}" ${t.status} (counted as failed)`);
      }
    }
  }
  return { passed: ok, failed: bad, notes };
}

/** Playwright's JSON stats: a test that passed only on a retry (flaky) or was skipped proved nothing — failed. */
export function countPlaywright(stats) {
  const notes = [];
  if (stats.flaky) notes.push(`${stats.flaky} passed only on a retry (counted as failed)`);
  if (stats.skipped) notes.push(`${stats.skipped} skipped (counted as failed)`);
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky + stats.skipped, notes };
}
