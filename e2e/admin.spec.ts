import { expect, test } from "@playwright/test";
import { loginAndWait, logout, signUpPending } from "./support";

// Each test works on an account it signed up itself: not the demo's one pending user, not a demo
// account's password that other specs sign in with (issue 12, "Tests that tell the truth").
test("admin activates a pending sign-up as a coordinator of site 1, resets its password; the temporary one signs in", async ({ page }) => {
  const username = await signUpPending(page, "first long password");
  await loginAndWait(page, "admin");
  await page.goto("/admin/users?status=pending");
  await page.getByLabel(`Role for ${username}`).selectOption("coordinator");
  await page.getByLabel(`Site for ${username}`).selectOption({ label: "Riverside Clinical Research" });
  await page.getByRole("button", { name: `Activate ${username}` }).click();
  await expect(page.getByText(`${username} is now active as coordinator.`)).toBeVisible();
  await logout(page);

  await loginAndWait(page, username, "first long password");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText("Riverside Clinical Research");
  await logout(page);

  await loginAndWait(page, "admin");
  await page.goto("/admin/users?status=active");
  await page.getByRole("row", { name: new RegExp(username) }).getByText("Reset password").click();
  const form = page.getByRole("form", { name: `Reset password of ${username}` });
  await form.getByLabel(`Temporary password for ${username}`, { exact: true }).fill("short");
  await form.getByLabel(`Repeat temporary password for ${username}`).fill("short");
  await form.getByRole("button", { name: `Set password of ${username}` }).click();
  await expect(form.getByText(/at least 12 characters/)).toBeVisible();
  await form.getByLabel(`Temporary password for ${username}`, { exact: true }).fill("Temporary-pass-2026");
  await form.getByLabel(`Repeat temporary password for ${username}`).fill("Temporary-pass-2026");
  await form.getByRole("button", { name: `Set password of ${username}` }).click();
  await expect(page.getByText(`Temporary password set for ${username}.`, { exact: false })).toBeVisible();
  await logout(page);
  await loginAndWait(page, username, "Temporary-pass-2026");
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

test("site staff cannot reach the admin pages", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  for (const path of ["/admin/studies", "/admin/sites", "/admin/studies/new"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  }
});
