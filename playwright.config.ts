import { defineConfig } from "@playwright/test";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromiumPath } = require("./scripts/chromium.cjs");

/**
 * End-to-end tests in a real browser against `npm start` on its own database (scripts/e2e.mjs
 * prepares a fresh one and sets E2E_PORT). Browser: Playwright's own if installed, else Debian's
 * /usr/bin/chromium, else a one-line error saying how to get one.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
// The server's log for this run (JSON lines), for specs that search it (e2e/server-logs.spec.ts)
// and for CI to keep. Set here, before the web server starts, so the server and the specs agree.
process.env.LOG_FILE ??= `.data/e2e-logs/server-${port}-${Date.now()}.log`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // A test that passes only on a second try has not passed: no retries, and a stray `.only` fails CI
  // rather than silently running one test (issue 12, "Tests that tell the truth").
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  // One results folder per port: several runs at once (each on its own port) must not delete each
  // other's traces mid-run.
  outputDir: `test-results/${port}`,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath() ?? undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port) },
  },
});
