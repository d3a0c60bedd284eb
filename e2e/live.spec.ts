import { expect, request, test } from "@playwright/test";
import { DEMO_PASSWORD, loginAndWait } from "./support";

/**
 * Live updates: coordinator1 keeps the screening queue open; investigator1 (same site) registers a
 * subject and then corrects its name through the API from another context. The open page shows
 * both without a reload, and a site-2 coordinator's open queue never shows the site-1 subject.
 */
test("the screening queue shows another user's change without a reload", async ({ page, browser, baseURL }) => {
  const code = `LIVE-${Date.now().toString(36).toUpperCase()}`;
  await loginAndWait(page, "coordinator1");
  await page.goto(`/screening?q=${code}`);
  await expect(page.getByText("No subjects match these filters.")).toBeVisible();
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");

  // A second browser context: another site's coordinator, watching their own queue.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await loginAndWait(other, "coordinator2");
  await other.goto(`/screening?q=${code}`);
  await expect(other.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

  // Count navigations: a live refresh must not reload the document.
  let loads = 0;
  page.on("load", () => loads++);

  const api = await request.newContext({ baseURL });
  const session = await (await api.post("/api/v1/sessions", { data: { username: "investigator1", password: DEMO_PASSWORD } })).json();
  const auth = { authorization: `Bearer ${session.token}` };
  const existing = await (await api.get("/api/v1/subjects?limit=1", { headers: auth })).json();
  const created = await api.post("/api/v1/subjects", {
    headers: auth,
    data: {
      studyId: existing.data[0].studyId,
      subjectId: code,
      fullName: "Lena Live",
      coordinatorId: session.user.id,
      dob: "1985-04-12",
      sexAtBirth: "female",
      consentSignedAt: null,
    },
  });
  expect(created.status()).toBe(201);
  const subject = await created.json();
  const started = Date.now();
  const queue = page.getByRole("table", { name: "Screening queue" });
  await expect(queue.getByRole("link", { name: code, exact: true })).toBeVisible({ timeout: 5000 });
  const firstLatency = Date.now() - started;

  const patched = await api.patch(`/api/v1/subjects/${subject.id}`, { headers: auth, data: { version: subject.version, fullName: "Lena Livewire", reason: "Spelling" } });
  expect(patched.status()).toBe(200);
  const patchedAt = Date.now();
  await expect(queue.getByText("Lena Livewire")).toBeVisible({ timeout: 5000 });
  console.log(`live e2e: new subject shown ${firstLatency} ms after the API answered; rename shown after ${Date.now() - patchedAt} ms`);

  expect(loads).toBe(0);
  await expect(other.getByText("No subjects match these filters.")).toBeVisible();
  await expect(other.getByText(code)).toHaveCount(0);
  await api.dispose();
  await otherContext.close();
});

/**
 * The other live pages: with coordinator1's subject timeline, agenda and dashboard open, and
 * investigator1's safety queue, investigator1 adds a note, a visit and a serious AE through the API.
 * Each page shows its change without a reload.
 */
test("the timeline, calendar, dashboard and safety queue show changes without a reload", async ({ page, browser, baseURL }) => {
  const code = `LV${Date.now().toString(36).toUpperCase()}`;
  const api = await request.newContext({ baseURL });
  const session = await (await api.post("/api/v1/sessions", { data: { username: "investigator1", password: DEMO_PASSWORD } })).json();
  const auth = { authorization: `Bearer ${session.token}` };
  const [subject] = (await (await api.get("/api/v1/subjects?status=enrolled&limit=1", { headers: auth })).json()).data;

  await loginAndWait(page, "coordinator1");
  const context = page.context();
  const open = async (path: string) => {
    const tab = path === "" ? page : await context.newPage();
    await tab.goto(path || "/");
    await expect(tab.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");
    return tab;
  };
  const timeline = await open(`/subjects/${subject.id}`);
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const agenda = await open(`/visits?view=agenda&date=${tomorrow.toISOString().slice(0, 10)}`);
  const dashboard = await open("");
  const openAes = dashboard.getByRole("region", { name: /^Open AEs/ });
  const openAesBefore = await openAes.innerText();
  const agendaRowsBefore = await agenda.getByText(subject.subjectId).count();

  const investigator = await browser.newContext();
  const safety = await investigator.newPage();
  await loginAndWait(safety, "investigator1");
  await safety.goto("/safety");
  await expect(safety.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

  const loads = { count: 0 };
  for (const tab of [timeline, agenda, dashboard, safety]) tab.on("load", () => loads.count++);

  const note = await api.post("/api/v1/subject-notes", { headers: auth, data: { subjectId: subject.id, noteType: "call", noteText: `Called about ${code}` } });
  expect(note.status()).toBe(201);
  await expect(timeline.getByText(`Called about ${code}`)).toBeVisible({ timeout: 5000 });

  const scheduledAt = new Date(`${tomorrow.toISOString().slice(0, 10)}T16:00:00Z`).toISOString();
  const visit = await api.post("/api/v1/visits", { headers: auth, data: { subjectId: subject.id, visitType: "unscheduled", scheduledAt, location: code } });
  expect(visit.status()).toBe(201);
  await expect(agenda.getByText(subject.subjectId)).toHaveCount(agendaRowsBefore + 1, { timeout: 5000 });

  // Yesterday: "today" in UTC can still be tomorrow at the site (America/New_York).
  const onsetDate = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
  const ae = await api.post("/api/v1/adverse-events", {
    headers: auth,
    data: { subjectId: subject.id, eventTerm: `Syncope ${code}`, severity: "moderate", grade: 2, serious: true, seriousnessCriteria: ["hospitalization"], onsetDate },
  });
  expect(ae.status()).toBe(201);
  await expect(safety.getByRole("link", { name: `Syncope ${code}` })).toBeVisible({ timeout: 5000 });
  await expect(openAes).not.toHaveText(openAesBefore, { timeout: 5000 });

  expect(loads.count).toBe(0);
  await api.dispose();
  await investigator.close();
});
