/**
 * `npm test`'s summary counts what vitest and Playwright really did (scripts/test-count.mjs): real
 * vitest runs over the cases in scripts/test-count-cases/ — a file whose beforeAll fails, a skipped
 * test, a test that only runs on PostgreSQL.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without types
import { countPlaywright, countVitest, playwrightFailures } from "./test-count.mjs";

const root = path.resolve(import.meta.dirname, "..");

function runCases() {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "test-count-")), "vitest.json");
  spawnSync(path.join(root, "node_modules/.bin/vitest"), ["run", "--config", "scripts/test-count-cases/vitest.config.mts", "--reporter=json", `--outputFile.json=${out}`], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "" },
    encoding: "utf8",
  });
  return JSON.parse(fs.readFileSync(out, "utf8"));
}

describe("npm test's count", () => {
  const json = runCases();

  it("counts every test of a file whose beforeAll failed, and a skipped test, as failed; a failing test as one failure", () => {
    // vitest's own totals, which the summary used to add up, see only the one failing test.
    expect(json.numFailedTests).toBe(1);
    const counted = countVitest(json, root, "");
    // mixed: 1 passed, 1 skipped; before-all-fails: 3 unrun; one-fails: 2 passed, 1 failed.
    expect(counted).toMatchObject({ passed: 1 + 2, failed: 1 + 3 + 1 });
    expect(counted.notes.join("\n")).toMatch(/before-all-fails.*3 of its tests/);
    expect(counted.notes.join("\n")).toMatch(/"is skipped" skipped/);
    expect(counted.failures).toEqual(
      expect.arrayContaining([expect.stringMatching(/one-fails\.case\.ts: fails$/), expect.stringMatching(/before-all-fails\.case\.ts: 3 tests that did not run/), expect.stringMatching(/is skipped \(skipped\)/)]),
    );
    expect(counted.failures.join("\n")).not.toMatch(/passes/);
  });

  it("lets a PostgreSQL test skip on the embedded run only", () => {
    expect(countVitest(json, root, "").notes.join("\n")).not.toMatch(/PostgreSQL/);
    expect(countVitest(json, root, "postgres://x/y")).toMatchObject({ passed: 3, failed: 1 + 3 + 1 + 1 });
  });

  it("names the Playwright tests that did not pass", () => {
    const report = { suites: [{ file: "a.spec.ts", specs: [{ title: "works", ok: true, file: "a.spec.ts" }], suites: [{ specs: [{ title: "breaks", ok: false, file: "a.spec.ts" }] }] }] };
    expect(playwrightFailures(report)).toEqual(["a.spec.ts: breaks"]);
  });

  it("counts a Playwright test that passed only on a retry, or was skipped, as failed", () => {
    expect(countPlaywright({ expected: 10, unexpected: 1, flaky: 2, skipped: 3 })).toMatchObject({ passed: 10, failed: 6 });
  });
});
