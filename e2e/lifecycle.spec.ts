import { expect, test, type Page } from "@playwright/test";
import { loginAndWait } from "./support";

/** Registers a passed subject (its own id per run, so the spec does not depend on others' data). */
async function createSubject(page: Page, subjectId: string) {
  await page.goto("/subjects/new");
  await page.getByLabel("Subject ID").fill(subjectId);
  await page.getByLabel("Full name").fill("Lena Lifecycle");
  const study = page.getByLabel("Study");
  const value = await study.locator("option", { hasText: /^(RCR|LTU)-/ }).first().getAttribute("value");
  await study.selectOption(value!);
  await page.getByLabel("Consent signed at").fill("2025-01-10T10:00");
  await page.getByLabel("Screening status").selectOption("passed");
  await page.getByRole("button", { name: "Create subject" }).click();
  await expect(page).toHaveURL(/\/subjects\/[0-9a-f-]{36}$/);
}

test("coordinator1 records a subject's completion with a note; its future visits are canceled", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const id = `LC-${Date.now().toString(36).toUpperCase()}`;
  await createSubject(page, id);
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
  await createSubject(page, id);
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
