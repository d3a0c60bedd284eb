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
import { countPlaywright, countVitest } from "./test-count.mjs";

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

  it("counts every test of a file whose beforeAll failed, and a skipped test, as failed", () => {
    // vitest's own totals, which the summary used to add up, see no failed test here at all.
    expect(json.numFailedTests).toBe(0);
    const counted = countVitest(json, root, "");
    expect(counted).toMatchObject({ passed: 1, failed: 3 + 1 });
    expect(counted.notes.join("\n")).toMatch(/before-all-fails.*3 of its tests/);
    expect(counted.notes.join("\n")).toMatch(/"is skipped" skipped/);
  });

  it("lets a PostgreSQL test skip on the embedded run only", () => {
    expect(countVitest(json, root, "").notes.join("\n")).not.toMatch(/PostgreSQL/);
    expect(countVitest(json, root, "postgres://x/y")).toMatchObject({ passed: 1, failed: 3 + 2 });
  });

  it("counts a Playwright test that passed only on a retry, or was skipped, as failed", () => {
    expect(countPlaywright({ expected: 10, unexpected: 1, flaky: 2, skipped: 3 })).toMatchObject({ passed: 10, failed: 6 });
  });
});
