import fs from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in a real browser against `npm start` on its own database (scripts/e2e.mjs
 * prepares a fresh one and sets E2E_PORT). Browser: Playwright's own if installed, else Debian's
 * /usr/bin/chromium, else a one-line error saying how to get one.
 */
function chromiumPath(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const own = require("playwright-core").chromium.executablePath() as string;
    if (own && fs.existsSync(own)) return undefined; // Playwright finds its own
  } catch {
    /* not installed */
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    "No Chromium for the e2e tests: run `npx playwright install chromium` (or, on Debian, `apt-get install -y chromium`).",
  );
}

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
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
