/**
 * Forms pointed at another site's records (ids swapped in the page, as an attacker would): each is
 * refused as "not found" and nothing changes. Complements the 404 page checks in each page's spec.
 */
import { expect, test, type Page } from "@playwright/test";
import { loginAndWait, logout } from "./support";

/** The page's text without the live sponsor clock, which ticks between two reads. */
const withoutClock = (text: string) => text.replace(/\d+ h \d+ min (left|overdue)|overdue by [^\n]+/gi, "<clock>");

/** Swaps a hidden input's value in the page (runs in the browser). */
const swap = (el: Element, value: string) => {
  (el as HTMLInputElement).value = value;
};

async function firstRecordId(page: Page, listUrl: string, prefix: string): Promise<string> {
  await page.goto(listUrl);
  const links = page.locator(`main a[href^="${prefix}"]`);
  const find = () =>
    links.evaluateAll((all, p) => all.map((a) => a.getAttribute("href") ?? "").find((h) => new RegExp(`^${p}[0-9a-f-]{36}$`).test(h)) ?? null, prefix);
  // The list streams in after its loading state: wait for a record link to appear.
  await expect.poll(find, { message: `a record link on ${listUrl}`, timeout: 15_000 }).not.toBeNull();
  return (await find())!.slice(prefix.length);
}

test("coordinator2 cannot create a subject in a site-1 study", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await page.goto("/subjects/new");
  const foreignStudy = await page.getByLabel("Study").locator("option").nth(1).getAttribute("value");
  expect(foreignStudy).toBeTruthy();
  await logout(page);

  await loginAndWait(page, "coordinator2");
  await page.goto("/subjects/new");
  await page.getByLabel("Subject ID").fill("XSITE-01");
  await page.getByLabel("Full name").fill("Cross Site");
  await page.getByLabel("Study").evaluate((el, id) => {
    const select = el as HTMLSelectElement;
    select.add(new Option("Foreign study", id));
    select.value = id;
  }, foreignStudy!);
  await page.getByLabel("Date of birth").fill("1980-04-05");
  await page.getByLabel("Sex at birth").selectOption("female");
  await page.getByLabel("Consent signed at").fill("2025-01-10T10:00");
  await page.getByRole("button", { name: "Create subject" }).click();
  await expect(page.getByText("Study not found.")).toBeVisible();
  await expect(page).toHaveURL(/\/subjects\/new/);
  await logout(page);

  await loginAndWait(page, "coordinator1");
  await page.goto("/subjects?q=XSITE-01");
  await expect(page.getByText("No subjects match these filters.")).toBeVisible();
});

test("coordinator2 cannot complete a site-1 visit through their own visit's form", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const foreignVisit = await firstRecordId(page, "/visits?view=agenda", "/visits/");
  await logout(page);

  await loginAndWait(page, "coordinator2");
  const ownVisit = await firstRecordId(page, "/visits?view=agenda", "/visits/");
  await page.goto(`/visits/${ownVisit}`);
  const complete = page.locator("form", { has: page.getByRole("heading", { name: "Complete" }) });
  await complete.locator('input[name="id"]').evaluate(swap, foreignVisit);
  await complete.getByRole("button", { name: "Mark completed" }).click();
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await logout(page);

  await loginAndWait(page, "coordinator1");
  await page.goto(`/visits/${foreignVisit}`);
  await expect(page.getByRole("button", { name: "Mark completed" })).toBeVisible(); // still scheduled
});

test("coordinator2 cannot edit a site-1 adverse event through their own AE's form", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const foreignAe = await firstRecordId(page, "/adverse-events", "/adverse-events/");
  await page.goto(`/adverse-events/${foreignAe}`);
  const before = withoutClock(await page.locator("main").innerText());
  await logout(page);

  await loginAndWait(page, "coordinator2");
  const ownAe = await firstRecordId(page, "/adverse-events?status=open", "/adverse-events/");
  await page.goto(`/adverse-events/${ownAe}`);
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const form = page.getByRole("form", { name: "Edit adverse event" });
  await form.locator('input[name="id"]').evaluate(swap, foreignAe);
  await form.getByLabel("Event term").fill("Cross-site rewrite");
  await form.getByLabel(/reason/i).fill("attempt");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await logout(page);

  await loginAndWait(page, "coordinator1");
  await page.goto(`/adverse-events/${foreignAe}`);
  await expect(page.getByText("Cross-site rewrite")).toHaveCount(0);
  expect(withoutClock(await page.locator("main").innerText())).toBe(before);
});
