import { expect, test } from "@playwright/test";
import { loginAndWait, logout } from "./support";

test("coordinator2 opening a site-1 subject's URL gets 404", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await page.goto("/subjects");
  await page.getByRole("table", { name: "Subjects" }).getByRole("cell").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/subjects\/[0-9a-f-]{36}$/);
  const subjectUrl = new URL(page.url()).pathname;
  await expect(page.getByText("Subject ID")).toBeVisible();
  await logout(page);

  await loginAndWait(page, "coordinator2");
  const response = await page.goto(subjectUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("Subject ID")).toHaveCount(0);
});
