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
