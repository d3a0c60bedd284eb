import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "TrialDesk-demo-1";

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function loginAndWait(page: Page, username: string, password = DEMO_PASSWORD) {
  await login(page, username, password);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** A name no other spec (nor an earlier run on the same database) uses. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/**
 * Signs up a new account of its own (pending until an admin activates it); returns its username.
 * Sign-ups are throttled per address (SIGNUP_LIMIT, 5 an hour, lib/users/signup.ts) and every spec
 * signs up from 127.0.0.1: the suite's total must stay under it (auth.spec 3, admin.spec 1).
 */
export async function signUpPending(page: Page, password: string): Promise<string> {
  const username = unique("e2e_");
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Pat Example");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email").fill(`${username}@example.org`);
  await page.getByLabel("Role").selectOption("coordinator");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  // "Request received": the same answer whether or not the name was free; nobody is signed in.
  await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
  return username;
}

/** Registers a consented, passed subject through the new-subject form; returns its timeline path. */
export async function createSubject(page: Page, subjectId: string, fullName: string) {
  await page.goto("/subjects/new");
  await page.getByLabel("Subject ID").fill(subjectId);
  await page.getByLabel("Full name").fill(fullName);
  // A demo study (its schedule plans visits weeks ahead), not one another spec created.
  const study = page.getByLabel("Study");
  const value = await study.locator("option", { hasText: /^(RCR|LTU)-/ }).first().getAttribute("value");
  await study.selectOption(value!);
  await page.getByLabel("Date of birth").fill("1980-04-05");
  await page.getByLabel("Sex at birth").selectOption("female");
  await page.getByLabel("Consent signed at").fill("2025-01-10T10:00");
  await page.getByLabel("Screening status").selectOption("passed");
  await page.getByRole("button", { name: "Create subject" }).click();
  await expect(page).toHaveURL(/\/subjects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${subjectId} · ${fullName}`);
  return new URL(page.url()).pathname;
}

/** Today at site 1 (Riverside, America/New_York), as a date input takes it. */
export const siteToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());

/** coordinator1 (signed in on `page`) reports a serious AE; returns its page's path. */
export async function reportSeriousAe(page: Page, term: string): Promise<string> {
  await page.goto("/adverse-events/new");
  const subjectId = await page.getByLabel("Subject").locator("option").nth(1).getAttribute("value");
  await page.getByLabel("Subject").selectOption(subjectId!);
  await page.getByLabel("Event term").fill(term);
  await page.getByLabel("Severity").selectOption("moderate");
  await page.getByLabel("CTCAE grade").selectOption("3");
  await page.getByLabel("Serious", { exact: true }).check();
  await page.getByLabel("Hospitalization (initial or prolonged)").check();
  await page.getByLabel("Onset date").fill(siteToday());
  await page.getByRole("button", { name: "Report adverse event" }).click();
  await expect(page).toHaveURL(/\/adverse-events\/[0-9a-f-]{36}\?reported=1$/);
  return new URL(page.url()).pathname;
}
