import { expect, test } from "@playwright/test";
import { loginAndWait, logout } from "./support";

const CARDS = ["Today's visits", "Overdue visits", "Out-of-window visits", "Screening queue", "Open AEs", "Serious AEs: sponsor clocks"];

test("coordinator1's dashboard shows the site's cards, each linking to its filtered list", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  for (const name of CARDS) await expect(page.getByRole("region", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}`) })).toBeVisible();

  const card = (name: string) => page.getByRole("region", { name: new RegExp(`^${name}`) });
  await expect(card("Today's visits").getByRole("link", { name: "Open agenda" })).toHaveAttribute("href", /^\/visits\?view=agenda&date=\d{4}-\d{2}-\d{2}$/);
  await expect(card("Overdue visits").getByRole("link", { name: "All overdue" })).toHaveAttribute("href", "/visits?flag=overdue");
  await expect(card("Out-of-window visits").getByRole("link", { name: "All booked out of window" })).toHaveAttribute(
    "href",
    "/visits?flag=out_of_window&visitStatus=scheduled",
  );
  await expect(card("Out-of-window visits").getByRole("link", { name: "Include completed" })).toHaveAttribute("href", "/visits?flag=out_of_window");
  await expect(card("Open AEs").getByRole("link", { name: "All open" })).toHaveAttribute("href", "/adverse-events?status=open");
  await expect(card("Serious AEs: sponsor clocks").getByRole("link", { name: "All serious AEs" })).toHaveAttribute("href", "/adverse-events?serious=true");
  // SAE clocks say how long is left (or how late) in words — the demo data has open serious AEs,
  // and a check that may find none proves nothing.
  const clocks = card("Serious AEs: sponsor clocks").getByText(/left$|^Overdue by/);
  await expect(clocks.first()).toBeVisible();

  // The screening counts agree with the queue they open.
  const pending = card("Screening queue").getByRole("link", { name: /Pending$/ });
  const count = Number((await pending.getAttribute("aria-label"))!.split(" ")[0]);
  await pending.click();
  await expect(page).toHaveURL(/\/screening\?screeningStatus=pending$/);
  await expect(page.getByLabel("Screening status", { exact: true })).toHaveValue("pending");
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`${count} record`);
});

test("coordinator2 sees only their own site; a sponsor is sent to their home", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  // Read the lists once they are there: read at once, a streaming dashboard gave two empty lists,
  // and comparing them proved nothing.
  await expect(page.locator('main a[href^="/subjects/"]').first()).toBeVisible();
  const site1Subjects = await page.locator('main a[href^="/subjects/"]').allTextContents();
  // Compare something: each dashboard lists subjects of its own site.
  expect(site1Subjects.length).toBeGreaterThan(0);
  await logout(page);

  await loginAndWait(page, "coordinator2");
  await expect(page.getByText(/Lakeside Trials Unit · /)).toBeVisible();
  await expect(page.locator('main a[href^="/subjects/"]').first()).toBeVisible();
  const site2Subjects = await page.locator('main a[href^="/subjects/"]').allTextContents();
  expect(site2Subjects.length).toBeGreaterThan(0);
  for (const code of site1Subjects) expect(site2Subjects).not.toContain(code);
  await logout(page);

  await loginAndWait(page, "sponsor1");
  await page.goto("/");
  await expect(page).toHaveURL(/\/sponsor$/);
});
