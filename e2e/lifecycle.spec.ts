import { expect, test, type Page } from "@playwright/test";
import { createSubject, DEMO_PASSWORD, loginAndWait } from "./support";

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
  // The notice is announced once, then its ?notice= parameter is dropped (components/timeline/
  // flash-notice.tsx): that URL lasts only until the page hydrates, so wait for where it settles.
  await expect(page.getByText(`${id} retired as entered in error.`)).toBeVisible();
  await expect(page).toHaveURL(/\/subjects$/);
  await page.getByLabel("Search ID or name").fill(id);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${id}`));
  const registry = page.getByRole("table", { name: "Subjects" });
  await expect(registry.getByRole("link", { name: id })).toHaveCount(0);

  // "Show retired" finds it again, marked, with the reason, and no longer a link to a page it has lost.
  await page.getByRole("checkbox", { name: "Show retired" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/retired=include/);
  const row = registry.getByRole("row").filter({ hasText: id });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Retired", { exact: true })).toBeVisible();
  await expect(row).toContainText("Duplicate registration of an existing subject");
  await expect(row.getByRole("link", { name: id })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Show retired" })).toBeChecked();
});

/** Retires the subject timeline's screening or note through its dialog; answers its entry, struck through with the reason. */
async function retireFromTimeline(page: Page, noun: "screening" | "note", reason: string) {
  const kind = noun === "note" ? "Note" : "Screening";
  const timeline = page.getByRole("list", { name: "Timeline" });
  await timeline.getByRole("article", { name: new RegExp(`^${kind}`) }).getByRole("button", { name: new RegExp(`^Retire ${noun} of `) }).click();
  const dialog = page.getByRole("dialog", { name: `Retire ${noun} entered in error` });
  await dialog.getByLabel(`Why was this ${noun} entered in error?`).fill(reason);
  await dialog.getByRole("button", { name: `Retire ${noun}` }).click();
  await expect(page.getByText(`${kind} retired as entered in error; it stays on the timeline, struck through.`)).toBeVisible();
  const entry = timeline.getByRole("article", { name: new RegExp(`^Retired ${kind}`) });
  await expect(entry).toContainText(reason);
  return entry;
}

test("coordinator1 retires a screening and a note from the timeline; 'Show retired' finds them again", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const id = `RS-${Date.now().toString(36).toUpperCase()}`;
  const subjectPath = await createSubject(page, id, "Sam Screened");

  // A screening recorded on the wrong subject, from the queue.
  await page.goto(`/screening?screeningStatus=passed&q=${id}`);
  await page.getByRole("button", { name: `Record outcome for ${id}` }).click();
  const outcome = page.getByRole("dialog");
  await outcome.getByLabel("Screening status").selectOption("passed");
  await outcome.getByLabel("Notes").fill("Eligibility checked (e2e)");
  await outcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByText(`Screening recorded for ${id}: Passed.`)).toBeVisible();

  // Retired from the subject's timeline: struck through there, its history readable.
  await page.goto(subjectPath);
  const screening = await retireFromTimeline(page, "screening", "Recorded on the wrong subject");
  await expect(screening.getByRole("button", { name: /^Retire/ })).toHaveCount(0);
  // Only the record is struck through: its history (with the retire line) is not inside the struck part.
  await expect(screening.getByRole("region", { name: "History" })).toContainText("Retired (entered in error)");
  await expect(screening.locator(".line-through").getByRole("region", { name: "History" })).toHaveCount(0);

  // A note written in error, retired by its author.
  const addNote = page.getByRole("form", { name: "Add note" });
  await addNote.getByLabel("Note text").fill("Meant for another subject");
  await addNote.getByRole("button", { name: "Add note" }).click();
  const note = await retireFromTimeline(page, "note", "Written on the wrong subject's timeline");
  await expect(note.getByText("Edit note")).toHaveCount(0);

  // The queue: the subject is pending again, its retired screening listed under it only with "Show retired".
  await page.goto(`/screening?q=${id}`);
  const queue = page.getByRole("table", { name: "Screening queue" });
  await expect(queue.getByRole("row").filter({ hasText: id })).toContainText("Not screened yet");
  await expect(queue.getByRole("list", { name: `Retired screenings of ${id}` })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Show retired" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/retired=include/);
  const retiredScreenings = queue.getByRole("list", { name: `Retired screenings of ${id}` });
  await expect(retiredScreenings).toContainText("Passed");
  await expect(retiredScreenings).toContainText("Retired");
  await expect(retiredScreenings).toContainText("Recorded on the wrong subject");

  // The notes list (the API's): out by default, listed with retired=include, with who retired it and why.
  const session = await page.request.post("/api/v1/sessions", { data: { username: "coordinator1", password: DEMO_PASSWORD } });
  const { token } = (await session.json()) as { token: string };
  const notes = async (query: string) => {
    const response = await page.request.get(`/api/v1/subject-notes?subjectId=${subjectPath.split("/").pop()}${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { data: { noteText: string; retireReason: string | null }[] }).data;
  };
  expect(await notes("")).toEqual([]);
  expect(await notes("&retired=include")).toEqual([
    expect.objectContaining({ noteText: "Meant for another subject", retireReason: "Written on the wrong subject's timeline" }),
  ]);
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
  await expect(page.getByText("Visit retired as entered in error; it stays on the timeline, struck through.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${subjectPath}$`));
  const retired = page.getByRole("list", { name: "Timeline" }).getByRole("article", { name: /^Retired Visit/ });
  await expect(retired).toHaveCount(1);
  await expect(retired).toContainText("Planned twice by mistake");
  // It has no page of its own any more, so the timeline does not link to one.
  await expect(retired.locator(`a[href="${visitHref}"]`)).toHaveCount(0);
  // Out of every read: its own page is gone.
  const response = await page.goto(visitHref!);
  expect(response?.status()).toBe(404);
});
