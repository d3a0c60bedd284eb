import { expect, test, type Page } from "@playwright/test";
import { loginAndWait, logout } from "./support";

const queueRows = (page: Page) => page.getByRole("table", { name: "Screening queue" }).locator("tbody tr");
const dialog = (page: Page) => page.getByRole("dialog");

/** The first row's subject code and its record id (from the subject link). */
async function firstSubject(page: Page) {
  const link = queueRows(page).first().getByRole("link").first();
  const code = (await link.textContent())!.trim();
  const id = (await link.getAttribute("href"))!.split("/").pop()!;
  return { code, id };
}

test("coordinator1 records a screening outcome in place; the queue and the subject follow", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await page.goto("/screening");
  await expect(page.getByRole("heading", { name: "Screening queue" })).toBeVisible();
  // Pending and rescreen only by default.
  await expect(queueRows(page).first()).toBeVisible();

  // Rescreen subjects have signed consent, so they may pass.
  await page.getByLabel("Screening status", { exact: true }).selectOption("rescreen");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/screeningStatus=rescreen/);
  const { code } = await firstSubject(page);

  await page.getByRole("button", { name: `Record outcome for ${code}` }).click();
  await expect(dialog(page)).toBeVisible();
  // Failed without a reason: refused, the typed notes stay, the message sits beside the field.
  await dialog(page).getByLabel("Screening status").selectOption("failed");
  await dialog(page).getByLabel("Notes").fill("Checked by e2e");
  await dialog(page).getByLabel("Reason for failure").fill(" ");
  await dialog(page).getByRole("button", { name: "Save outcome" }).click();
  await expect(dialog(page).getByText("Give the reason the subject failed screening.")).toBeVisible();
  await expect(dialog(page).getByLabel("Notes")).toHaveValue("Checked by e2e");

  // Now pass them, completed by the defaults (today, the current user).
  await dialog(page).getByLabel("Screening status").selectOption("passed");
  await expect(dialog(page).getByLabel("Completed by")).toHaveValue(/[0-9a-f-]{36}/);
  await dialog(page).getByLabel("Notes").fill("Eligibility confirmed (e2e)");
  await dialog(page).getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByText(`Screening recorded for ${code}: Passed.`)).toBeVisible();
  await expect(dialog(page)).toHaveCount(0);
  // The subject left the rescreen queue…
  await expect(page.getByRole("link", { name: code, exact: true })).toHaveCount(0);

  // …and shows as passed, with the new latest screening.
  await page.goto(`/screening?screeningStatus=passed&q=${encodeURIComponent(code)}`);
  const row = queueRows(page).filter({ hasText: code });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Eligibility confirmed (e2e)")).toBeVisible();
  await expect(row.getByText("Passed").first()).toBeVisible();
});

test("a subject without consent cannot pass: the message sits beside Screening status", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await page.goto("/screening?screeningStatus=pending");
  const row = queueRows(page).filter({ hasText: "Not signed" }).first();
  const code = (await row.getByRole("link").first().textContent())!.trim();
  await row.getByRole("button", { name: `Record outcome for ${code}` }).click();
  await expect(dialog(page).getByText("No signed consent on file")).toBeVisible();
  await dialog(page).getByLabel("Screening status").selectOption("passed");
  await dialog(page).getByRole("button", { name: "Save outcome" }).click();
  await expect(dialog(page).getByText("A subject without signed consent cannot pass screening.")).toBeVisible();
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page)).toHaveCount(0);
});

test("a second person recording on a changed subject sees the newer values, then can save on top", async ({ page, context }) => {
  await loginAndWait(page, "coordinator1");
  await page.goto("/screening?screeningStatus=rescreen");
  const { code } = await firstSubject(page);
  await page.getByRole("button", { name: `Record outcome for ${code}` }).click();
  await dialog(page).getByLabel("Screening status").selectOption("pending");

  // Meanwhile, a colleague (same site) records an outcome for the same subject.
  const other = await context.newPage();
  await other.goto("/screening?screeningStatus=rescreen");
  await other.getByRole("button", { name: `Record outcome for ${code}` }).click();
  await dialog(other).getByLabel("Screening status").selectOption("passed");
  await dialog(other).getByRole("button", { name: "Save outcome" }).click();
  await expect(other.getByText(`Screening recorded for ${code}: Passed.`)).toBeVisible();
  await other.close();

  await dialog(page).getByRole("button", { name: "Save outcome" }).click();
  const notice = dialog(page).getByRole("region", { name: "Newer values saved by someone else" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Passed");
  // Saving again is a deliberate choice on top of their version.
  await dialog(page).getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByText(`Screening recorded for ${code}: Pending.`)).toBeVisible();
});

test("filters, sorting and pages live in the URL; the CSV export follows the filter", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await page.goto("/screening?screeningStatus=failed&sort=-subjectId");
  await expect(page.getByLabel("Screening status", { exact: true })).toHaveValue("failed");
  await expect(page.getByRole("link", { name: /Subject, sorted descending/ })).toBeVisible();
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toBe("/screening/export?screeningStatus=failed&sort=-subjectId");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("Subject ID,Full name,Study,Screening status");
  const rows = text.split("\r\n").slice(1).filter(Boolean);
  // The demo data has failed screenings at site 1: an empty export would satisfy `every`.
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((line) => line.includes(",failed,"))).toBe(true);

  await page.goto("/screening?q=no-such-subject-zzz");
  await expect(page.getByText("No subjects match these filters.")).toBeVisible();
});

test("coordinator2 cannot record a screening for a site-1 subject: not found, nothing written", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await page.goto("/screening?screeningStatus=pending");
  const target = await firstSubject(page);
  const before = await queueRows(page).first().innerText();
  await logout(page);

  await loginAndWait(page, "coordinator2");
  await page.goto("/screening");
  await expect(page.getByRole("link", { name: target.code, exact: true })).toHaveCount(0);
  // Open the form for one of their own subjects, then point it at the site-1 subject.
  const own = await firstSubject(page);
  await page.getByRole("button", { name: `Record outcome for ${own.code}` }).click();
  await dialog(page).getByLabel("Screening status").selectOption("failed");
  await dialog(page).getByLabel("Reason for failure").fill("Cross-site attempt");
  // Swap the subject id and submit in one step (a re-render would put React's value back).
  await dialog(page)
    .locator("form")
    .evaluate((form, id) => {
      (form.querySelector('input[name="subjectId"]') as HTMLInputElement).value = id;
      (form as HTMLFormElement).requestSubmit();
    }, target.id);
  await expect(dialog(page).getByRole("status").filter({ hasText: "Subject not found" })).toBeVisible();
  // Their own subject was not touched either.
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(queueRows(page).filter({ hasText: own.code }).getByText("Cross-site attempt")).toHaveCount(0);
  await logout(page);

  await loginAndWait(page, "coordinator1");
  await page.goto(`/screening?screeningStatus=pending&q=${encodeURIComponent(target.code)}`);
  await expect(queueRows(page).filter({ hasText: target.code })).toHaveCount(1);
  expect(await queueRows(page).first().innerText()).toBe(before);
});
