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

  // Live: the same page, never reloaded, hears of it over the event stream.
  await expect(bell).toHaveAttribute("data-unread", String(before + 1), { timeout: 15_000 });
  await expect(bell).toHaveAccessibleName(`Notifications, ${before + 1} unread`);

  await bell.click();
  await expect(investigator).toHaveURL(/\/notifications/);
  const newest = investigator.getByTestId("inbox").getByRole("link", { name: /^Serious adverse event reported: subject / }).first();
  await newest.click();
  await expect(investigator).toHaveURL(new RegExp(`${aePath}$`));
  await expect(investigator.getByRole("heading", { level: 1 })).toBeVisible();
});
