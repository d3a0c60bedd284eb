/**
 * Sessions end on the server (issue 12, finding 4): signing out — by our button or Auth.js's own
 * /api/auth/signout — kills the session even for a copy of its cookie; changing one's password at
 * /settings/password sends one's other sessions to /login; an admin's reset ends the person's
 * sessions and makes them choose a new password before anything else (the API refuses a token).
 * The accounts whose passwords change are demo accounts no other spec uses.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, loginAndWait, logout } from "./support";

/**
 * Accounts whose password these tests change: demo accounts no other spec signs in as (sign-up is
 * throttled per address, and the suite's other specs already spend that budget).
 */
const CHANGES_OWN_PASSWORD = "coordinator3";
const RESET_BY_ADMIN = "investigator4";

/** `password`: a demo account's when left out. */
async function signedIn(browser: Browser, username: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAndWait(page, username, password);
  return { context, page };
}

/** A second browser holding a copy of the first one's cookies (a stolen or copied session). */
async function copyOf(browser: Browser, from: BrowserContext): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(await from.cookies());
  const page = await context.newPage();
  await page.goto("/subjects");
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  return page;
}

/** `ended`: the browser still holds a cookie whose session the server ended, and is told so. */
async function expectSentToLogin(page: Page, ended = true) {
  await page.goto("/subjects");
  await expect(page).toHaveURL(ended ? /\/login\?reason=ended$/ : /\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  if (ended) await expect(page.getByTestId("session-ended")).toBeVisible();
}

test("logging out ends the session on the server: a copy of its cookie is refused, by the button and by /api/auth/signout", async ({ browser }) => {
  const first = await signedIn(browser, "coordinator2");
  const copy = await copyOf(browser, first.context);
  await logout(first.page);
  await expectSentToLogin(copy);

  // Auth.js's own sign-out endpoint (with its CSRF token) ends it the same way.
  const second = await signedIn(browser, "coordinator2");
  const copy2 = await copyOf(browser, second.context);
  const { csrfToken } = (await (await second.page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await second.page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);
  await expectSentToLogin(copy2);
  // The browser that signed out holds no cookie any more: a plain sign-in page.
  await expectSentToLogin(second.page, false);
});

test("changing one's password at /settings/password sends the other sessions to /login and keeps this one", async ({ browser }) => {
  const username = CHANGES_OWN_PASSWORD;
  const here = await signedIn(browser, username);
  const elsewhere = await signedIn(browser, username);

  await here.page.goto("/settings/password");
  const form = here.page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await form.getByLabel("New password again").fill("a brand new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password.").first()).toBeVisible();
  await expectStillSignedIn(elsewhere.page);

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await form.getByLabel("New password again").fill("a different passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two passwords differ.").first()).toBeVisible();

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await form.getByLabel("New password again").fill("a brand new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(here.page.getByText("Password changed. Your other sessions have ended.")).toBeVisible();

  await expectSentToLogin(elsewhere.page);
  await expectStillSignedIn(here.page);
  await loginAndWait(elsewhere.page, username, "a brand new passphrase");
});

test("an admin's reset ends the person's sessions and makes them choose a new password first; the API gives no token meanwhile", async ({ browser, request }) => {
  const username = RESET_BY_ADMIN;
  const victim = await signedIn(browser, username);

  const admin = await signedIn(browser, "admin");
  await admin.page.goto("/admin/users?status=active");
  await admin.page.getByRole("row", { name: new RegExp(username) }).getByText("Reset password").click();
  const reset = admin.page.getByRole("form", { name: `Reset password of ${username}` });
  await reset.getByLabel(`Temporary password for ${username}`, { exact: true }).fill("Temporary-pass-2026");
  await reset.getByLabel(`Repeat temporary password for ${username}`).fill("Temporary-pass-2026");
  await reset.getByRole("button", { name: `Set password of ${username}` }).click();
  await expect(admin.page.getByText(`Temporary password set for ${username}.`, { exact: false })).toBeVisible();

  await expectSentToLogin(victim.page);

  const token = await request.post("/api/v1/sessions", { data: { username, password: "Temporary-pass-2026" } });
  expect(token.status()).toBe(403);
  expect(token.headers()["content-type"]).toMatch(/application\/problem\+json/);
  expect(((await token.json()) as { detail: string }).detail).toMatch(/choose a new password at \/settings\/password/);

  await loginAndWait(victim.page, username, "Temporary-pass-2026");
  await expect(victim.page).toHaveURL(/\/settings\/password$/);
  await expect(victim.page.getByTestId("must-change-password")).toBeVisible();
  // Every other page sends them back.
  await victim.page.goto("/subjects");
  await expect(victim.page).toHaveURL(/\/settings\/password$/);

  const form = victim.page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("Temporary-pass-2026");
  await form.getByLabel("New password", { exact: true }).fill("my own new passphrase");
  await form.getByLabel("New password again").fill("my own new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(victim.page).not.toHaveURL(/\/settings\/password$/);
  await victim.page.goto("/subjects");
  await expect(victim.page).toHaveURL(/\/subjects$/);
  await expect(victim.page.getByRole("heading", { level: 1 })).toBeVisible();
});

async function expectStillSignedIn(page: Page) {
  await page.goto("/subjects");
  await expect(page).toHaveURL(/\/subjects$/);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}
