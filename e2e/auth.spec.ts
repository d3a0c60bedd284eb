import { expect, test } from "@playwright/test";
import { login, loginAndWait, logout, signUpPending } from "./support";

test("sign-up waits for approval, an admin activates it, then the user reaches their home", async ({ page }) => {
  const password = "correct horse battery";
  // "Request received": the same answer as for a taken name (lib/users/signup.ts); the new account
  // then signs in to see where it stands.
  const username = await signUpPending(page, password);
  await login(page, username, password);
  await expect(page.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
  // A pending account sees nothing else.
  await page.goto("/subjects");
  await expect(page).toHaveURL(/\/pending$/);
  await logout(page);

  await loginAndWait(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/users?status=pending");
  await page.getByLabel(`Role for ${username}`).selectOption("coordinator");
  await page.getByLabel(`Site for ${username}`).selectOption({ label: "Riverside Clinical Research" });
  await page.getByRole("button", { name: `Activate ${username}` }).click();
  await expect(page.getByText(`${username} is now active as coordinator.`)).toBeVisible();
  await logout(page);

  await loginAndWait(page, username, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText("Riverside Clinical Research");
});

test("sign-up with a taken username or email answers as any other and changes nothing", async ({ page }) => {
  const password = "another long password";
  const tag = Date.now().toString(36);
  const answers: string[] = [];
  for (const [username, email] of [
    [`free_${tag}`, `free_${tag}@example.org`], // a new account, for comparison
    ["coordinator1", `other_${tag}@example.org`], // a taken username
    [`free2_${tag}`, "coordinator1@trialdesk.example"], // a taken email
  ]) {
    await page.goto("/signup");
    await page.getByLabel("Full name").fill("Mallory Example");
    await page.getByLabel("Username").fill(username!);
    await page.getByLabel("Email").fill(email!);
    await page.getByLabel("Role").selectOption("coordinator");
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Confirm password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
    answers.push(await page.locator("main").innerText());
  }
  expect(answers[1]).toBe(answers[0]);
  expect(answers[2]).toBe(answers[0]);
  // The existing account is untouched: the new password does not open it, the old one does.
  await login(page, "coordinator1", password);
  await expect(page.getByRole("status").filter({ hasText: "Wrong username or password." })).toBeVisible();
  await loginAndWait(page, "coordinator1");
});

test("a wrong password shows a message and signs nobody in", async ({ page }) => {
  await login(page, "coordinator1", "not the password");
  await expect(page.getByRole("status").filter({ hasText: "Wrong username or password." })).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveValue("coordinator1");
  await page.goto("/subjects");
  await expect(page).toHaveURL(/\/login/);
});

test("empty fields are refused beside the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your username.")).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
});

test("logout ends the session", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Screening" })).toBeVisible();
  await logout(page);
  await page.goto("/subjects");
  await expect(page).toHaveURL(/\/login/);
});

test("each role lands on its home with its own navigation", async ({ page }) => {
  const cases = [
    { user: "coordinator1", url: /\/$/, nav: ["Dashboard", "Screening", "Tasks", "Subjects", "Visits", "Adverse events"], not: ["Admin", "Safety review"] },
    { user: "investigator1", url: /\/safety$/, nav: ["Safety review", "Subjects"], not: ["Admin", "Audit log"] },
    { user: "sponsor1", url: /\/sponsor$/, nav: ["Sponsor overview"], not: ["Screening", "Admin"] },
    { user: "admin", url: /\/admin$/, nav: ["Admin", "Audit log"], not: ["Screening", "Safety review"] },
  ];
  for (const c of cases) {
    await loginAndWait(page, c.user);
    await expect(page).toHaveURL(c.url);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of c.nav) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    for (const label of c.not) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
    await logout(page);
  }
});

test("a coordinator cannot open the admin pages (403)", async ({ page }) => {
  await loginAndWait(page, "coordinator1");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
});
