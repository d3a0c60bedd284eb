import { expect, test } from "@playwright/test";
import { loginAndWait, logout } from "./support";

test("sponsor1 sees the funnel of a granted study without names, and 404 for a study not granted", async ({ page }) => {
  // What a coordinator sees at site 1: some subjects' names, and the id of the study not sponsored.
  await loginAndWait(page, "coordinator1");
  await page.goto("/subjects");
  const registry = page.getByRole("table", { name: "Subjects" });
  await expect(registry.getByRole("columnheader", { name: /Full name/ })).toBeVisible();
  const names = (await registry.getByRole("row").locator("td:nth-child(2)").allInnerTexts()).map((n) => n.trim()).filter((n) => n.length > 3);
  expect(names.length).toBeGreaterThan(3);
  const notGranted = await page.getByLabel("Study").locator("option", { hasText: "RCR-CAR-204" }).getAttribute("value");
  expect(notGranted).toMatch(/^[0-9a-f-]{36}$/);
  await logout(page);

  // The sponsor's home lists the granted studies only.
  await loginAndWait(page, "sponsor1");
  await page.goto("/sponsor");
  await expect(page.getByRole("heading", { name: "Sponsor overview" })).toBeVisible();
  await expect(page.getByRole("link", { name: "RCR-ONC-101" })).toBeVisible();
  await expect(page.getByRole("link", { name: "LTU-DM-301" })).toBeVisible();
  await expect(page.getByText("RCR-CAR-204")).toHaveCount(0);

  // A granted study's overview: the funnel with its numbers, and no names anywhere on the page.
  await page.getByRole("link", { name: "RCR-ONC-101" }).click();
  await expect(page).toHaveURL(/\/sponsor\/studies\/[0-9a-f-]{36}$/);
  const funnel = page.getByRole("table", { name: "Subjects at each stage" });
  for (const stage of ["Screened", "Passed screening", "Enrolled", "Completed", "Withdrawn"]) {
    await expect(funnel.getByRole("rowheader", { name: stage, exact: true })).toBeVisible();
  }
  await expect(funnel.getByRole("row", { name: /^Screened \d+$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Adverse events by severity and seriousness" })).toBeVisible();
  await expect(page.getByText("Screen-fail rate")).toBeVisible();
  await expect(page.getByText("Completed in window ÷ due")).toBeVisible();
  const overviewText = await page.locator("main").innerText();
  expect(names.filter((n) => overviewText.includes(n))).toEqual([]);

  // The study's subjects, as the sponsor sees them: codes, no names.
  await page.getByRole("link", { name: "Subjects of this study" }).click();
  const sponsorRegistry = page.getByRole("table", { name: "Subjects" });
  await expect(sponsorRegistry.getByRole("row").nth(1)).toBeVisible();
  await expect(sponsorRegistry.getByRole("columnheader", { name: /Full name/ })).toHaveCount(0);
  const registryText = await page.locator("main").innerText();
  expect(names.filter((n) => registryText.includes(n))).toEqual([]);

  // A study not granted, and a made-up id: not found.
  for (const id of [notGranted, "00000000-0000-4000-8000-000000000000"]) {
    const response = await page.goto(`/sponsor/studies/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Subjects at each stage")).toHaveCount(0);
  }
});

test("coordinator1 gets 403 for the sponsor overview", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const response = await page.goto("/sponsor");
  expect(response?.status()).toBe(403);
});
