import { expect, test } from "@playwright/test";
import { createSubject, loginAndWait } from "./support";

test("coordinator1 records a subject's completion with a note; its future visits are canceled", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const id = `LC-${Date.now().toString(36).toUpperCase()}`;
  await createSubject(page, id, "Lena Lifecycle");
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("dialog", { name: "Enroll subject" }).getByRole("button", { name: "Enroll subject" }).click();
  await expect(page.getByText(new RegExp(`${id} enrolled`))).toBeVisible();

  await page.getByRole("button", { name: "Completed study" }).click();
  const dialog = page.getByRole("dialog", { name: "Record study completion" });
  await expect(dialog.getByLabel("Completed on")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  // No note: refused beside the field, nothing written.
  await dialog.getByRole("button", { name: "Record completion" }).click();
  await expect(dialog.getByText("Give the reason.")).toBeVisible();
  await dialog.getByLabel("Completion note").fill("Completed the protocol early by sponsor decision");
  await dialog.getByRole("button", { name: "Record completion" }).click();
  await expect(page.getByText(new RegExp(`${id} completed the study; \\d+ future visits? canceled\\.`))).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^Completed$/ })).toBeVisible();
  await expect(page.getByText("Completed the protocol early by sponsor decision").first()).toBeVisible();
  // Leaving the study is final: the buttons are gone.
  await expect(page.getByRole("button", { name: "Completed study" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
});

test("coordinator1 retires a subject entered in error: it leaves the registry, kept with who, when and why", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const id = `RT-${Date.now().toString(36).toUpperCase()}`;
  await createSubject(page, id, "Lena Lifecycle");
  await page.getByRole("button", { name: "Retire…" }).click();
  const dialog = page.getByRole("dialog", { name: "Retire subject entered in error" });
  await dialog.getByLabel("Why was this subject entered in error?").fill("Duplicate registration of an existing subject");
  await dialog.getByRole("button", { name: "Retire subject" }).click();
  await expect(page).toHaveURL(/\/subjects\?notice=retired/);
  await expect(page.getByText(`${id} retired as entered in error.`)).toBeVisible();
  await page.getByLabel("Search ID or name").fill(id);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${id}`));
  await expect(page.getByRole("table", { name: "Subjects" }).getByRole("link", { name: id })).toHaveCount(0);
});

test("coordinator1 retires a visit booked in error: it stays on the subject's timeline, struck through, with the reason", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const id = `RV-${Date.now().toString(36).toUpperCase()}`;
  const subjectPath = await createSubject(page, id, "Rita Retire");
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("dialog", { name: "Enroll subject" }).getByRole("button", { name: "Enroll subject" }).click();
  await expect(page.getByText(new RegExp(`${id} enrolled`))).toBeVisible();
  const visitHref = await page.getByRole("list", { name: "Timeline" }).locator('a[href^="/visits/"]').first().getAttribute("href");
  await page.goto(visitHref!);

  await page.getByRole("button", { name: "Retire…" }).click();
  const dialog = page.getByRole("dialog", { name: "Retire visit entered in error" });
  await dialog.getByLabel("Why was this visit entered in error?").fill("Planned twice by mistake");
  await dialog.getByRole("button", { name: "Retire visit" }).click();
  await expect(page).toHaveURL(new RegExp(`${subjectPath}\\?notice=retired-visit`));
  await expect(page.getByText("Visit retired as entered in error; it stays on the timeline, struck through.")).toBeVisible();
  const retired = page.getByRole("list", { name: "Timeline" }).getByRole("article", { name: /^Retired Visit/ });
  await expect(retired).toHaveCount(1);
  await expect(retired).toContainText("Planned twice by mistake");
  // It has no page of its own any more, so the timeline does not link to one.
  await expect(retired.locator(`a[href="${visitHref}"]`)).toHaveCount(0);
  // Out of every read: its own page is gone.
  const response = await page.goto(visitHref!);
  expect(response?.status()).toBe(404);
});
