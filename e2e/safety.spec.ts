import { expect, test, type Page } from "@playwright/test";
import { loginAndWait, logout, reportSeriousAe } from "./support";

const queueRow = (page: Page, term: string) =>
  page.getByRole("table", { name: "Adverse events awaiting safety review" }).getByRole("row").filter({ hasText: term });

test("investigator1 signs a serious AE; coordinator1 edits its severity; the signature shows as void and the AE is back in the queue", async ({ page }) => {
  const term = `E2E sepsis ${Date.now().toString(36)}`;
  await loginAndWait(page, "coordinator1");
  const aePath = await reportSeriousAe(page, term);
  // Coordinators have no safety review of their own.
  expect((await page.goto("/safety"))?.status()).toBe(403);
  await logout(page);

  await loginAndWait(page, "investigator1");
  await page.goto("/safety?serious=true&sort=-awareAt");
  const row = queueRow(page, term);
  await expect(row).toContainText("Not assessed");
  await expect(row).toContainText(/\d+ h \d\d min left/);

  await row.getByRole("button", { name: "Assess" }).click();
  const assess = page.getByRole("dialog", { name: /Assess/ });
  await assess.getByLabel("Causality").selectOption("probable");
  await assess.getByLabel("Expectedness").selectOption("unexpected");
  await assess.getByLabel("CTCAE grade").selectOption("3");
  await assess.getByLabel("Outcome").selectOption("recovering");
  await assess.getByRole("button", { name: "Save assessment" }).click();
  await expect(row).toContainText("Assessed, not signed");
  await expect(row).toContainText("15-day report candidate");

  await row.getByRole("button", { name: "Sponsor notified" }).click();
  await page.getByRole("dialog", { name: /Sponsor notified/ }).getByRole("button", { name: "Record notification" }).click();
  await expect(row).toContainText("Sponsor notified");

  // A wrong password signs nothing. The session's first signature asks for the username too.
  await row.getByRole("button", { name: "Sign", exact: true }).click();
  const sign = page.getByRole("dialog", { name: /Sign/ });
  await expect(sign).toContainText("Reviewed and assessed");
  await sign.getByLabel("Username").fill("investigator1");
  await sign.getByLabel("Password").fill("not-the-password");
  await sign.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(sign.getByText("The username or password is not correct. Nothing was signed.").first()).toBeVisible();
  await sign.getByLabel("Username").fill("investigator1");
  await sign.getByLabel("Password").fill("TrialDesk-demo-1");
  await sign.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(row).toHaveCount(0);

  await page.goto(aePath);
  const signatures = page.getByRole("region", { name: "Signatures" });
  await expect(signatures.getByTestId("signature-live")).toContainText("Reviewed and assessed");
  await expect(page.getByRole("table", { name: "Change history" })).toContainText("Signing refused (wrong password)");
  await logout(page);

  await loginAndWait(page, "coordinator1");
  await page.goto(aePath);
  await page.getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: "Edit adverse event" });
  await form.getByLabel("Severity").selectOption("severe");
  await form.getByLabel("Reason for change").fill("Source notes say severe");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  const void_ = page.getByRole("region", { name: "Signatures" }).getByTestId("signature-void");
  await expect(void_).toContainText("Signed content changed: severity");
  await expect(void_).toContainText("Dana Whitfield");
  await expect(page.getByRole("region", { name: "Signatures" }).getByTestId("signature-live")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Change history" })).toContainText("Signature voided");
  await logout(page);

  await loginAndWait(page, "investigator1");
  await page.goto("/safety?serious=true&sort=-awareAt");
  await expect(queueRow(page, term).getByTestId("signature-void")).toContainText("Signed content changed: severity");
  await logout(page);

  // Site 2's investigator neither sees it in their queue nor reaches its page.
  await loginAndWait(page, "investigator2");
  await page.goto("/safety?serious=true&sort=-awareAt");
  await expect(queueRow(page, term)).toHaveCount(0);
  expect((await page.goto(aePath))?.status()).toBe(404);
});

test("investigator1 confirms a passed screening's eligibility: username and password at the session's first signature, the password alone at the next", async ({ page }) => {
  await loginAndWait(page, "investigator1");
  await page.goto("/safety/eligibility");
  const table = page.getByRole("table", { name: "Screenings awaiting eligibility sign-off" });
  const row = table.getByRole("row").nth(1);
  // The list streams in: count its rows only once they are there.
  await expect(row).toBeVisible();
  const before = await table.getByRole("row").count();
  const subject = (await row.getByRole("link").first().textContent())!;
  await row.getByRole("button", { name: "Sign", exact: true }).click();
  const sign = page.getByRole("dialog", { name: /Confirm eligibility/ });
  await expect(sign).toContainText("Eligibility confirmed");
  await sign.getByLabel("Username").fill("investigator1");
  await sign.getByLabel("Password").fill("TrialDesk-demo-1");
  await sign.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByText("Signed: eligibility confirmed.").first()).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: subject })).toHaveCount(0);
  expect(await table.getByRole("row").count()).toBeLessThanOrEqual(before);

  // The session's next signature asks for the password alone (21 CFR 11.200(a)(1)).
  const next = table.getByRole("row").nth(1);
  await expect(next).toBeVisible();
  await next.getByRole("button", { name: "Sign", exact: true }).click();
  const again = page.getByRole("dialog", { name: /Confirm eligibility/ });
  await expect(again.getByLabel("Password")).toBeVisible();
  await expect(again.getByLabel("Username")).toHaveCount(0);
  await again.getByLabel("Password").fill("TrialDesk-demo-1");
  await again.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(again).toHaveCount(0);
});
