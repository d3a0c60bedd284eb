import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./support";

// The first sign-in of a fresh server can be slow on a busy machine (argon2, cold caches).
async function signIn(page: Page, username: string) {
  await login(page, username);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 30_000 });
}

test("admin filters the audit log by action, sees the chain intact, and the export is audited", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByText(/Hash chain intact/)).toBeVisible();

  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Action").selectOption("login");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]action=login(&|$)/);
  const table = page.getByRole("table", { name: "Audit events, newest first" });
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toContainText("login");
  // The admin's own sign-in a moment ago is the newest login.
  await expect(rows.first()).toContainText("Morgan Ellis");
  for (const text of await rows.locator("td:nth-child(4)").allInnerTexts()) expect(text.trim()).toBe("login");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);
  // It holds the logins the page listed, not just a header.
  const exported = fs.readFileSync((await file.path())!, "utf8").split(/\r?\n/).filter(Boolean);
  expect(exported.length).toBeGreaterThan(1);
  expect(exported.slice(1).some((line) => line.includes("login"))).toBe(true);

  await page.goto("/audit?action=export");
  await expect(rows.first()).toContainText("Audit event");
  await expect(rows.first()).toContainText("action: login");
});

test("a coordinator gets 403 on the audit log and its export", async ({ page }) => {
  await signIn(page, "coordinator1");
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  const csv = await page.request.get("/audit/export");
  expect(csv.status()).toBe(403);
});
