import { expect, test } from "@playwright/test";
import { loginAndWait, logout } from "./support";

test("admin activates newuser as a coordinator of site 1; newuser then signs in to the dashboard", async ({ page }) => {
  await loginAndWait(page, "admin");
  await page.goto("/admin/users?status=pending");
  await page.getByLabel("Role for newuser").selectOption("coordinator");
  await page.getByLabel("Site for newuser").selectOption({ label: "Riverside Clinical Research" });
  await page.getByRole("button", { name: "Activate newuser" }).click();
  await expect(page.getByText("newuser is now active as coordinator.")).toBeVisible();
  await logout(page);

  await loginAndWait(page, "newuser");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText("Riverside Clinical Research");
});

test("admin creates a study with a visit-schedule item; a duplicate protocol ID is refused beside the field", async ({ page }) => {
  await loginAndWait(page, "admin");
  await page.goto("/admin/studies/new");
  const protocolId = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel("Protocol ID").fill(protocolId);
  await page.getByLabel("Title").fill("An end-to-end study");
  await page.getByLabel("Status").selectOption("recruiting");
  await page.getByLabel("Site").selectOption({ label: "Riverside Clinical Research" });
  // Only the site's investigators are offered.
  const pi = page.getByLabel("Principal investigator");
  await expect(pi.locator("option", { hasText: "Dr. Helen McBride" })).toHaveCount(0);
  await pi.selectOption({ label: "Dr. Priya Raman (investigator1)" });
  await page.getByRole("button", { name: "Create study" }).click();
  await expect(page.getByRole("heading", { name: `${protocolId} — An end-to-end study` })).toBeVisible();

  const form = page.getByRole("form", { name: "Add a visit" });
  await form.getByLabel("Code").fill("BL");
  await form.getByLabel("Visit name").fill("Baseline");
  await form.getByLabel("Visit type").selectOption("baseline");
  await form.getByLabel("Day offset").fill("0");
  await form.getByLabel("Window after (days)").fill("2");
  await form.getByRole("button", { name: "Add visit" }).click();
  await expect(page.getByText("Visit BL saved.")).toBeVisible();
  const schedule = page.getByRole("table", { name: "Visit schedule" });
  await expect(schedule.getByRole("row", { name: /BL Baseline Baseline/ })).toContainText("−0 / +2 days");

  // The same protocol ID again at the same site: a field error, nothing created.
  await page.goto("/admin/studies/new");
  await page.getByLabel("Protocol ID").fill(protocolId);
  await page.getByLabel("Title").fill("Duplicate");
  await page.getByLabel("Site").selectOption({ label: "Riverside Clinical Research" });
  await page.getByLabel("Principal investigator").selectOption({ label: "Dr. Priya Raman (investigator1)" });
  await page.getByRole("button", { name: "Create study" }).click();
  await expect(page.getByText("This site already has a study with this protocol ID.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Duplicate");
  await page.goto(`/admin/studies?q=${protocolId}`);
  await expect(page.getByRole("link", { name: protocolId })).toHaveCount(1);
});

test("admin resets coordinator4's password; the temporary one signs in", async ({ page }) => {
  await loginAndWait(page, "admin");
  await page.goto("/admin/users?status=active");
  await page.getByRole("row", { name: /coordinator4/ }).getByText("Reset password").click();
  const form = page.getByRole("form", { name: "Reset password of coordinator4" });
  await form.getByLabel("Temporary password for coordinator4", { exact: true }).fill("short");
  await form.getByLabel("Repeat temporary password for coordinator4").fill("short");
  await form.getByRole("button", { name: "Set password of coordinator4" }).click();
  await expect(form.getByText(/at least 12 characters/)).toBeVisible();
  await form.getByLabel("Temporary password for coordinator4", { exact: true }).fill("Temporary-pass-2026");
  await form.getByLabel("Repeat temporary password for coordinator4").fill("Temporary-pass-2026");
  await form.getByRole("button", { name: "Set password of coordinator4" }).click();
  await expect(page.getByText("Temporary password set for coordinator4.", { exact: false })).toBeVisible();
  await logout(page);
  await loginAndWait(page, "coordinator4", "Temporary-pass-2026");
});

test("site staff cannot reach the admin pages", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  for (const path of ["/admin/studies", "/admin/sites", "/admin/studies/new"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  }
});
