/**
 * The Content-Security-Policy in a real browser (issue 12, finding 8): the main pages load with
 * no CSP violation — neither a `securitypolicyviolation` event nor a console report — their
 * document carries the headers, Next's scripts carry this response's nonce, and the live stream
 * and the bell still work under the policy. proxy.ts and lib/security-headers.ts build it.
 */
import { expect, request, test, type Page, type Response } from "@playwright/test";
import { DEMO_PASSWORD, loginAndWait } from "./support";

type Watch = { violations: string[] };

/** Collects CSP violations: the DOM event (recorded by a script the policy cannot block) and console reports. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [] };
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) seen.violations.push(message.text());
  });
  return seen;
}

async function violationsIn(page: Page, seen: Watch): Promise<string[]> {
  const fromDom = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  return [...seen.violations, ...fromDom];
}

async function expectPolicy(page: Page, response: Response | null) {
  expect(response, "the document's response").not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-request-id"]).toMatch(/^[\w.:-]{1,64}$/);
  // Served over http here, so no HSTS (tests/proxy-headers.test.ts covers https).
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Every script in the page carries this response's nonce (browsers hide it from getAttribute).
  const scripts = await page.evaluate(() => Array.from(document.scripts).map((s) => s.nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
}

async function visit(page: Page, path: string, seen: Watch) {
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expectPolicy(page, response);
  expect(await violationsIn(page, seen), path).toEqual([]);
}

test("login, dashboard, subject timeline, calendar and the lists load with no CSP violation", async ({ page, baseURL }) => {
  const seen = await watch(page);
  await visit(page, "/login", seen);
  await loginAndWait(page, "coordinator1");
  expect(await violationsIn(page, seen)).toEqual([]);

  const api = await request.newContext({ baseURL });
  const session = await (await api.post("/api/v1/sessions", { data: { username: "coordinator1", password: DEMO_PASSWORD } })).json();
  const [subject] = (await (await api.get("/api/v1/subjects?limit=1", { headers: { authorization: `Bearer ${session.token}` } })).json()).data;
  expect(subject, "a demo subject at coordinator1's site").toBeTruthy();
  await api.dispose();

  for (const path of ["/", `/subjects/${subject.id}`, "/visits", "/visits?view=agenda", "/subjects", "/screening", "/adverse-events", "/tasks", "/notifications"]) {
    await visit(page, path, seen);
  }
  // A client-side navigation (Next fetches and runs the next page's chunks) stays inside the policy too.
  await page.goto("/");
  await page.getByRole("link", { name: "Subjects", exact: true }).first().click();
  await expect(page).toHaveURL(/\/subjects/);
  await page.waitForLoadState("networkidle");
  expect(await violationsIn(page, seen)).toEqual([]);
});

test("safety and admin pages load with no CSP violation", async ({ browser }) => {
  for (const [username, paths] of [
    ["investigator1", ["/safety", "/safety/eligibility", "/"]],
    ["admin", ["/admin", "/admin/users", "/admin/sites", "/admin/studies", "/audit"]],
    ["sponsor1", ["/sponsor"]],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = await watch(page);
    await loginAndWait(page, username);
    for (const path of paths) await visit(page, path, seen);
    await context.close();
  }
});

test("the live stream and the bell work under the policy: a serious AE reaches the investigator's bell without a reload", async ({ page, baseURL }) => {
  const seen = await watch(page);
  await loginAndWait(page, "investigator1");
  await page.goto("/");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");
  const bell = page.getByTestId("notification-bell");
  const before = Number(await bell.getAttribute("data-unread"));
  let loads = 0;
  page.on("load", () => loads++);

  const api = await request.newContext({ baseURL });
  const session = await (await api.post("/api/v1/sessions", { data: { username: "coordinator1", password: DEMO_PASSWORD } })).json();
  const auth = { authorization: `Bearer ${session.token}` };
  const [subject] = (await (await api.get("/api/v1/subjects?status=enrolled&limit=1", { headers: auth })).json()).data;
  const onsetDate = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
  const ae = await api.post("/api/v1/adverse-events", {
    headers: auth,
    data: { subjectId: subject.id, eventTerm: `CSP check ${Date.now().toString(36)}`, severity: "moderate", grade: 2, serious: true, seriousnessCriteria: ["hospitalization"], onsetDate },
  });
  expect(ae.status()).toBe(201);
  await api.dispose();

  await expect.poll(async () => Number(await bell.getAttribute("data-unread")), { timeout: 10_000 }).toBeGreaterThan(before);
  expect(loads).toBe(0);
  expect(await violationsIn(page, seen)).toEqual([]);
});

test("an injected inline event handler does not run, and is reported", async ({ page }) => {
  const seen = await watch(page);
  await page.goto("/login");
  // What an XSS that slips markup into a page would add: an inline event handler (without the CSP it
  // runs; scripts added through innerHTML never run anyway).
  const ran = await page.evaluate(async () => {
    document.body.insertAdjacentHTML("beforeend", '<img src="/nowhere.png" onerror="window.__handler = true">');
    await new Promise((r) => setTimeout(r, 300));
    return (window as unknown as { __handler?: boolean }).__handler === true;
  });
  expect(ran).toBe(false);
  expect((await violationsIn(page, seen)).some((v) => /script-src/.test(v))).toBe(true);
});

test("the pages may not be framed", async ({ page, baseURL }) => {
  // frame-ancestors 'none' (and X-Frame-Options: DENY): a page embedding the login page gets nothing.
  await page.goto("/login");
  const blocked = await page.evaluate(async (url) => {
    const frame = document.createElement("iframe");
    frame.src = url;
    document.body.appendChild(frame);
    await new Promise((r) => setTimeout(r, 1000));
    try {
      return frame.contentDocument === null || !frame.contentDocument.body?.innerText.includes("Sign in");
    } catch {
      return true;
    }
  }, `${baseURL}/login`);
  expect(blocked).toBe(true);
});
