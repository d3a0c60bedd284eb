import { expect, test } from "@playwright/test";
import { createSubject, loginAndWait, logout } from "./support";

/** A few letters from the clock, for a name field that takes letters only. */
const letters = () => Date.now().toString(26).split("").map((c) => String.fromCharCode(97 + parseInt(c, 26))).join("").slice(-6);

test("coordinator1: create a subject, find it, add a note, edit with a reason, enroll — planned visits appear", async ({ page }) => {
  // Its own subject code and surname: not a fixed id another spec or an earlier run may hold.
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const surname = `Example${letters()}`;
  await loginAndWait(page, "coordinator1");
  const path = await createSubject(page, code, `Edith ${surname}`);
  await expect(page.getByText("Subject created.")).toBeVisible();

  // Subject ID is unique within the study: refused beside the field, the form keeps what was typed.
  await page.goto("/subjects/new");
  await page.getByLabel("Subject ID").fill(code);
  await page.getByLabel("Full name").fill("Someone Else");
  // A demo study (its schedule plans visits weeks ahead), not one another spec created.
  const study = page.getByLabel("Study");
  const value = await study.locator("option", { hasText: /^(RCR|LTU)-/ }).first().getAttribute("value");
  await study.selectOption(value!);
  await page.getByLabel("Date of birth").fill("1990-01-01");
  await page.getByLabel("Sex at birth").selectOption("male");
  await page.getByRole("button", { name: "Create subject" }).click();
  await expect(page.getByText("Subject ID already used in this study.")).toBeVisible();
  await expect(page.getByLabel("Subject ID")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Full name")).toHaveValue("Someone Else");

  // The registry finds it by subject ID or name.
  await page.goto("/subjects");
  await page.getByLabel("Search ID or name").fill(`Edith ${surname}`);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=Edith[+ ]${surname}`));
  const table = page.getByRole("table", { name: "Subjects" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("link", { name: code }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));

  // Add note, inline.
  const addNote = page.getByRole("form", { name: "Add note" });
  await addNote.getByLabel("Note type").selectOption("call");
  await addNote.getByLabel("Note text").fill("Called to confirm the baseline visit.");
  await addNote.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Note added.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" }).getByRole("article").getByText("Called to confirm the baseline visit.").first()).toBeVisible();

  // Edit with a reason; the timeline shows the change, old → new, and the reason.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Full name").fill(`Edith ${surname}ton`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Give a reason for the change.")).toBeVisible();
  await page.getByLabel("Reason for change").fill("Surname misspelt at registration");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${code} · Edith ${surname}ton`);
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText("Subject details changed")).toBeVisible();
  await expect(timeline.getByText("Reason: Surname misspelt at registration")).toBeVisible();
  await expect(timeline.getByText(`Edith ${surname}`, { exact: true })).toBeVisible();

  // Enroll: the dialog says what will happen; planned visits appear on the timeline.
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Enroll subject" });
  await expect(dialog).toContainText("planned");
  await dialog.getByRole("button", { name: "Enroll subject" }).click();
  await expect(page.getByText(new RegExp(`${code} enrolled; \\d+ planned visits? scheduled\\.`))).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^Enrolled$/ })).toBeVisible();
  await expect(timeline.getByText("Enrolled in the study")).toBeVisible();
  await expect(timeline.getByText("Scheduled", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("separator")).toContainText("Today");
  await expect(page.getByRole("link", { name: "Schedule visit" })).toHaveAttribute("href", /\/visits\/new\?subjectId=/);
  await expect(page.getByRole("link", { name: "Report AE" })).toHaveAttribute("href", /\/adverse-events\/new\?subjectId=/);
});

test("coordinator2 gets 404 for a site-1 subject's timeline and edit page, and its note and enroll actions change nothing", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const foreign = await createSubject(page, "E2E-002", "Ferris Foreign");
  const foreignId = foreign.split("/").pop()!;
  await logout(page);

  await loginAndWait(page, "coordinator2");
  for (const url of [foreign, `${foreign}/edit`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Ferris Foreign")).toHaveCount(0);
  }
  await page.goto("/subjects?q=E2E-002");
  await expect(page.getByText("No subjects match these filters.")).toBeVisible();

  // Their own subject's forms, pointed at the foreign subject: refused as "not found".
  await createSubject(page, "E2E-B01", "Bea Own");
  const addNote = page.getByRole("form", { name: "Add note" });
  await addNote.locator('input[name="subjectId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), foreignId);
  await addNote.getByLabel("Note text").fill("Cross-site note");
  await addNote.getByRole("button", { name: "Add note" }).click();
  await expect(addNote.getByText("Subject not found.")).toBeVisible();

  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Enroll subject" });
  await dialog.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), foreignId);
  await dialog.getByRole("button", { name: "Enroll subject" }).click();
  await expect(dialog.getByText("Subject not found.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await logout(page);

  // Nothing changed on the site-1 subject.
  await loginAndWait(page, "coordinator1");
  await page.goto(foreign);
  await expect(page.getByRole("definition").filter({ hasText: /^Screening$/ })).toBeVisible();
  await expect(page.getByText("Cross-site note")).toHaveCount(0);
  await expect(page.getByText("Enrolled in the study")).toHaveCount(0);
});
