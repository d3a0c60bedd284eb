// Which Chromium the e2e tests drive: Playwright's own if installed (returns undefined: Playwright
// finds it), else Debian's. Returns null when there is none; callers print the one-line fix.
const fs = require("node:fs");

function chromiumPath() {
  try {
    const own = require("playwright-core").chromium.executablePath();
    if (own && fs.existsSync(own)) return undefined;
  } catch {
    /* playwright-core without its browser */
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const HOW_TO_GET_ONE =
  "No Chromium for the e2e tests: run `npx playwright install chromium` (or, on Debian, `apt-get install -y chromium`).";

module.exports = { chromiumPath, HOW_TO_GET_ONE };
