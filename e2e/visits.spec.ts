import { expect, test, type Page } from "@playwright/test";
import { loginAndWait, logout } from "./support";

/** A site-local calendar date `days` from today at coordinator1's site (Riverside, New York). */
function siteDay(days: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  return parts; // en-CA formats as YYYY-MM-DD
}

/** Schedules a visit through the form; returns the subject's code and the visit's page URL. */
async function scheduleFromForm(page: Page, day: string, time: string) {
  await page.goto("/visits/new");
  const subject = page.getByLabel("Subject", { exact: true });
  const option = subject.locator("option").nth(1);
  const label = (await option.textContent())!;
  const code = label.split(" · ")[0]!;
  await subject.selectOption({ index: 1 });
  await page.getByLabel("Visit type").selectOption("unscheduled");
  await page.getByLabel("Scheduled at").fill(`${day}T${time}`);
  await page.getByLabel("Location").fill("Exam Room 2");
  await page.getByRole("button", { name: "Schedule visit" }).click();
  await expect(page).toHaveURL(new RegExp(`/visits\\?view=week&date=${day}$`));
  const cell = page.locator(`[role="gridcell"][data-date="${day}"]`);
  const link = cell.getByRole("link", { name: new RegExp(`^${time} ${code} Unscheduled`) });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  return { code, url: new URL(page.url()).pathname };
}

test("coordinator1 schedules a visit, sees it on its local day, reschedules and completes it", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const day = siteDay(3);
  await scheduleFromForm(page, day, "10:30");
  await expect(page.getByRole("heading", { name: /Unscheduled visit/ })).toBeVisible();
  await expect(page.getByText("Exam Room 2")).toBeVisible();

  const newDay = siteDay(4);
  await page.getByLabel("Scheduled at").fill(`${newDay}T14:15`);
  await page.getByLabel("Reason for rescheduling").fill("Subject asked for the afternoon");
  await page.getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Visit rescheduled to" })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Subject asked for the afternoon");
  await expect(page.locator("dd").filter({ hasText: "14:15" })).toBeVisible();

  await page.getByRole("button", { name: "Mark completed" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Visit completed at" })).toBeVisible();
  await expect(page.getByText("This visit is completed; its record is final.")).toBeVisible();
  await expect(page.locator("dd").getByText("Completed", { exact: true })).toBeVisible();
});

test("coordinator1 cancels a visit with a reason given in the dialog", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await scheduleFromForm(page, siteDay(5), "09:45");
  await page.getByRole("button", { name: "Cancel visit…" }).click();
  const dialog = page.getByRole("dialog", { name: /Cancel this visit/ });
  await expect(dialog).toContainText("This cannot be undone");
  await dialog.getByRole("button", { name: "Cancel visit" }).click();
  await expect(dialog.getByText("Give a reason.")).toBeVisible();
  await dialog.getByLabel("Reason for canceling").fill("Subject travelling");
  await dialog.getByRole("button", { name: "Cancel visit" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Visit canceled." })).toBeVisible();
  await expect(page.locator("dd").getByText("Canceled", { exact: true })).toBeVisible();
  await expect(page.locator("dd").filter({ hasText: "Subject travelling" })).toBeVisible();
});

test("the month view moves the focused day with the arrow keys and opens it with Enter", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await page.goto("/visits?view=month&date=2026-03-18");
  const grid = page.getByRole("grid", { name: "Visits in March 2026" });
  await expect(grid).toBeVisible();
  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.date ?? null);
  await grid.locator('[data-date="2026-03-18"]').focus();
  await page.keyboard.press("ArrowRight");
  expect(await focused()).toBe("2026-03-19");
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toBe("2026-03-26");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowUp");
  expect(await focused()).toBe("2026-03-18");
  // Only the focused day is in the tab order.
  await expect(grid.locator('[role="gridcell"][tabindex="0"]')).toHaveCount(1);
  // Past the grid's last week: the next month loads and the focus lands on the day aimed for.
  await grid.locator('[data-date="2026-04-05"]').focus();
  await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(/view=month&date=2026-04-12/);
  await expect(page.getByRole("grid", { name: "Visits in April 2026" })).toBeVisible();
  await expect.poll(focused).toBe("2026-04-12");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/view=agenda&date=2026-04-12/);
});

test("coordinator2 gets 404 for a site-1 visit and for scheduling a site-1 subject, and changes nothing", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const { url } = await scheduleFromForm(page, siteDay(6), "11:00");
  await page.goto("/visits/new");
  const subjectId = await page.getByLabel("Subject", { exact: true }).locator("option").nth(1).getAttribute("value");
  expect(subjectId).toMatch(/^[0-9a-f-]{36}$/);
  await logout(page);

  await loginAndWait(page, "coordinator2");
  for (const path of [url, `/visits/new?subjectId=${subjectId}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Reschedule|Schedule visit|Cancel visit/ })).toHaveCount(0);
  }
  await logout(page);

  await loginAndWait(page, "coordinator1");
  await page.goto(url);
  await expect(page.locator("dd").getByText("Scheduled", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Create by");
  await expect(page.getByRole("region", { name: "History" }).locator("li")).toHaveCount(1);
});
