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
