import { expect, test } from "@playwright/test";
import { loginAndWait, reportSeriousAe } from "./support";

test("coordinator1 reports an SAE: investigator1's bell counts it without a reload, and the notification opens the AE", async ({ browser }) => {
  const investigator = await (await browser.newContext()).newPage();
  const coordinator = await (await browser.newContext()).newPage();
  await loginAndWait(investigator, "investigator1");
  await investigator.goto("/subjects");
  const bell = investigator.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("aria-label", /^Notifications, /);
  const before = Number(await bell.getAttribute("data-unread"));

  await loginAndWait(coordinator, "coordinator1");
  const aePath = await reportSeriousAe(coordinator, `E2E bell ${Date.now().toString(36)}`);

  // Live: the same page, never reloaded, hears of it over the event stream. (At least one more: the
  // scheduler's minute tick may add an unrelated reminder meanwhile.)
  await expect.poll(async () => Number(await bell.getAttribute("data-unread")), { timeout: 15_000 }).toBeGreaterThan(before);
  const now = Number(await bell.getAttribute("data-unread"));
  await expect(bell).toHaveAccessibleName(`Notifications, ${now} unread`);

  await bell.click();
  await expect(investigator).toHaveURL(/\/notifications/);
  const newest = investigator.getByTestId("inbox").getByRole("link", { name: /^Serious adverse event reported: subject / }).first();
  await newest.click();
  await expect(investigator).toHaveURL(new RegExp(`${aePath}$`));
  await expect(investigator.getByRole("heading", { level: 1 })).toBeVisible();
});

test("coordinator1 adds a task on a subject's timeline, completes it, and the timeline shows it done; the task list had it", async ({ page }) => {
  const title = `E2E call back ${Date.now().toString(36)}`;
  await loginAndWait(page, "coordinator1");
  await page.goto("/subjects?status=enrolled");
  await page.getByRole("table").locator("tbody").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/subjects\/[0-9a-f-]{36}$/);
  const subjectPath = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Add task" }).click();
  const dialog = page.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Title").fill(title);
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(tomorrow);
  await dialog.getByLabel("Due").fill(`${day}T16:00`);
  await dialog.getByLabel("Priority").selectOption("high");
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).toBeHidden();

  const open = page.getByRole("list", { name: "Open tasks" });
  await expect(open).toContainText(title);

  // The same task in /tasks, under "Mine" (assigned to the person who made it by default).
  await page.goto("/tasks");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: title })).toBeVisible();

  await page.goto(subjectPath);
  await page.getByRole("button", { name: `Complete task ${title}` }).click();
  await expect(page.getByRole("list", { name: "Open tasks" }).filter({ hasText: title })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText(`Task completed: ${title}`);
});
