import { expect, test } from "@playwright/test";
import { loginAndWait } from "./support";

// investigator3: no other spec signs in as them or changes their password.
const USER = "investigator3";

test("a person creates an API token, sees it once, uses it, and revokes it", async ({ page, request }) => {
  await loginAndWait(page, USER);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  const form = page.getByRole("form", { name: "New API token" });
  const nameField = form.getByLabel("Name", { exact: true });
  // A nameless token is refused, with the message beside the field.
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await expect(nameField).toHaveAccessibleDescription(/Name the token/);

  const name = `Lab import ${Date.now()}`;
  await nameField.fill(name);
  await form.getByLabel("Expires after (days)").fill("30");
  // A token acts as the person: creating one asks for their current password.
  await form.getByLabel("Your password").fill("TrialDesk-demo-1");
  await form.getByRole("button", { name: "Create token" }).click();

  const secret = page.getByRole("textbox", { name: "Your new token", exact: true });
  await expect(secret).toHaveValue(/^tdp_[A-Za-z0-9_-]{43}$/);
  await expect(secret).toHaveAttribute("readonly", "");
  await expect(secret).toHaveAccessibleDescription(/will not be shown again/);
  const token = await secret.inputValue();

  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${token.slice(0, 10)}…`);
  await expect(row).toContainText("Active");
  await expect(row.getByRole("cell").nth(3)).toHaveText("Never");

  const ok = await request.get("/api/v1/users/me", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).username).toBe(USER);

  // Shown once: after a reload only the prefix remains, and the list knows it was used.
  await page.reload();
  await expect(secret).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(row.getByRole("cell").nth(3)).not.toHaveText("Never");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke the token “${name}”?` });
  await expect(dialog).toContainText("stops working at once");
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await request.get("/api/v1/users/me", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});
