import { expect, test, type Page } from "@playwright/test";
import { loginAndWait, logout, reportSeriousAe } from "./support";

/** Today at site 1 (Riverside, America/New_York), as a date input takes it. */
const siteToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());

async function firstSubjectId(page: Page): Promise<string> {
  await page.goto("/adverse-events/new");
  const value = await page.getByLabel("Subject").locator("option").nth(1).getAttribute("value");
  expect(value).toMatch(/^[0-9a-f-]{36}$/);
  return value!;
}

test("coordinator1 reports a serious AE, sees its 24-hour deadline, edits it with a reason, finds it filtered", async ({ page }) => {
  const term = `E2E pneumonia ${Date.now().toString(36)}`;
  await loginAndWait(page, "coordinator1");
  const subjectId = await firstSubjectId(page);

  await page.goto(`/adverse-events/new?subjectId=${subjectId}`);
  await expect(page.getByLabel("Subject")).toHaveValue(subjectId);
  await page.getByLabel("Event term").fill(term);
  await page.getByLabel("Severity").selectOption("moderate");
  await page.getByLabel("CTCAE grade").selectOption("3");
  await page.getByLabel("Serious", { exact: true }).check();
  // Serious without a criterion is refused beside the criteria, and what was typed stays.
  await page.getByLabel("Onset date").fill(siteToday());
  await page.getByRole("button", { name: "Report adverse event" }).click();
  await expect(page.getByText("Choose at least one seriousness criterion for a serious event.")).toBeVisible();
  await expect(page.getByLabel("Event term")).toHaveValue(term);

  await page.getByLabel("Hospitalization (initial or prolonged)").check();
  await page.getByRole("button", { name: "Report adverse event" }).click();

  await expect(page).toHaveURL(/\/adverse-events\/[0-9a-f-]{36}\?reported=1$/);
  await expect(page.getByRole("heading", { name: `Adverse event: ${term}` })).toBeVisible();
  const clock = page.getByRole("region", { name: "Sponsor notification" });
  await expect(clock).toContainText("Deadline:");
  await expect(clock.getByTestId("sponsor-deadline")).toContainText(/GMT-[45]|E[SD]T/);
  await expect(clock).toContainText(/23 h \d\d min left/);

  await page.getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: "Edit adverse event" });
  await form.getByLabel("Severity").selectOption("severe");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("Give a reason for the change.")).toBeVisible();
  await form.getByLabel("Reason for change").fill("Investigator review of source notes");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();

  const history = page.getByRole("table", { name: "Change history" });
  const edited = history.getByRole("row").filter({ hasText: "Investigator review of source notes" });
  await expect(edited).toContainText("Severity: Moderate → Severe");
  await expect(edited).toContainText("Dana Whitfield");
  await expect(history.getByRole("row").filter({ hasText: "Reported" })).toHaveCount(1);

  await page.goto("/adverse-events");
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Serious").selectOption("true");
  await filters.getByLabel("Search").fill(term);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/serious=true/);
  const row = page.getByRole("table", { name: "Adverse events" }).getByRole("row").filter({ hasText: term });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Serious");
  await expect(row).toContainText(/left/);

  // The CSV of the same filter carries it, with its deadline (the export is audited on the server).
  const csv = await page.request.get(`/adverse-events/export?serious=true&q=${encodeURIComponent(term)}`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("Sponsor deadline");
  expect(text).toContain(term);
});

test("coordinator2 gets 404 for a site-1 AE and for reporting against a site-1 subject, and changes nothing", async ({ page }) => {
  // An AE of this test's own, so its history has rows to compare (a count of none proves nothing).
  const term = `E2E cross-site ${Date.now().toString(36)}`;
  await loginAndWait(page, "coordinator1");
  const subjectId = await firstSubjectId(page);
  const aeUrl = (await reportSeriousAe(page, term)).replace(/\?.*$/, "");
  await page.goto(aeUrl);
  const history = page.getByRole("table", { name: "Change history" }).getByRole("row");
  await expect(history.nth(1)).toBeVisible();
  const historyRows = await history.count();
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  expect(heading).toContain(term);
  await logout(page);

  await loginAndWait(page, "coordinator2");
  const ae = await page.goto(aeUrl);
  expect(ae?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);

  const form = await page.goto(`/adverse-events/new?subjectId=${subjectId}`);
  expect(form?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Report adverse event" })).toHaveCount(0);

  // Nor does coordinator2's export include site 1's adverse events: not the one searched for, and
  // none at all — while it does hold site 2's own (an empty export would pass the first checks).
  const searched = await page.request.get(`/adverse-events/export?q=${encodeURIComponent(term)}`);
  expect(searched.status()).toBe(200);
  expect(await searched.text()).not.toContain(term);
  const all = await page.request.get("/adverse-events/export");
  expect(all.status()).toBe(200);
  const text = await all.text();
  expect(text).toMatch(/LTU-/);
  expect(text).not.toMatch(/RCR-/);

  // The site-1 subject is not even offered on coordinator2's own form.
  await page.goto("/adverse-events/new");
  await expect(page.getByLabel("Subject").locator(`option[value="${subjectId}"]`)).toHaveCount(0);
  await logout(page);

  await loginAndWait(page, "coordinator1");
  await page.goto(aeUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading!);
  await expect(history).toHaveCount(historyRows);
});
