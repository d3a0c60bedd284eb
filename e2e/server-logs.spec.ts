/**
 * The server's log holds no secret and nothing about a person (issue 12, "Operate it"): this spec
 * sends a sign-up with a known email and password, fails a sign-in with a known password, uses
 * and misuses a known API token, and sends a subject's known name through bodies, queries, page
 * URLs and errors — then reads the log the server wrote (LOG_FILE, set for the run's server by
 * playwright.config.ts) and finds none of them, while every request line carries a request id.
 */
import fs from "node:fs";
import { expect, request, test } from "@playwright/test";
import { DEMO_PASSWORD, login, loginAndWait } from "./support";

const logFile = process.env.LOG_FILE;

test("the server log names requests by id and holds no password, token, name or email", async ({ page, baseURL }) => {
  expect(logFile, "playwright.config.ts sets LOG_FILE for the server").toBeTruthy();
  const tag = Date.now().toString(36);
  const password = `Leak-Probe-${tag}-Pw!`;
  const username = `leakprobe${tag}`;
  const email = `leak.probe.${tag}@example.org`;
  const subjectName = `Quillon Leakprobe${tag}`;
  const shortSecret = `Zq${tag}`.slice(0, 9);

  // A sign-up (a server action) carrying a known email and password, refused by its own rules (the
  // confirmation differs) — so it takes none of 127.0.0.1's few sign-ups an hour from other specs.
  await page.goto("/signup");
  await page.getByLabel("Full name").fill(`Signup Leakprobe${tag}`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("coordinator");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(`${password}?`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("The two passwords differ.")).toBeVisible();
  // A failed sign-in with the known password (one guess: no account gets locked).
  await login(page, "sponsor1", password);
  await expect(page.getByText(/wrong username or password/i)).toBeVisible();

  // The API: a token, a subject with a known name, and errors that carry the name in their bodies.
  const api = await request.newContext({ baseURL });
  const session = await (await api.post("/api/v1/sessions", { data: { username: "coordinator1", password: DEMO_PASSWORD } })).json();
  const token: string = session.token;
  expect(token).toBeTruthy();
  const auth = { authorization: `Bearer ${token}` };
  const failed = await api.post("/api/v1/sessions", { data: { username: "sponsor1", password } });
  expect(failed.status()).toBe(401);
  expect((await api.get("/api/v1/subjects", { headers: { authorization: `Bearer ${token}x` } })).status()).toBe(401);

  const me = session.user as { id: string; siteId: string };
  const studies = (await (await api.get(`/api/v1/studies?siteId=${me.siteId}&status=recruiting&limit=1`, { headers: auth })).json()).data as { id: string }[];
  expect(studies.length, "a recruiting study at coordinator1's site").toBe(1);
  const subject = { subjectId: `LP-${tag}`, fullName: subjectName, studyId: studies[0]!.id, coordinatorId: me.id, dob: "1970-01-01", sexAtBirth: "female", consentSignedAt: null };
  const created = await api.post("/api/v1/subjects", { headers: auth, data: subject });
  expect(created.status(), await created.text()).toBe(201);
  const record = await created.json();
  expect((await api.post("/api/v1/subjects", { headers: auth, data: { ...subject, dob: "not a date" } })).status()).toBe(422);
  expect((await api.post("/api/v1/subjects", { headers: auth, data: subject })).status()).toBeGreaterThanOrEqual(400);
  const stale = await api.patch(`/api/v1/subjects/${record.id}`, { headers: auth, data: { version: record.version + 5, fullName: `${subjectName} Jr` } });
  expect([409, 422]).toContain(stale.status());
  expect((await api.get(`/api/v1/subjects?q=${encodeURIComponent(subjectName)}`, { headers: auth })).status()).toBeLessThan(500);
  expect((await api.post("/api/v1/subjects", { headers: { ...auth, "content-type": "application/json" }, data: Buffer.from(`{"fullName":"${subjectName}",`) })).status()).toBe(400);
  const graphql = await api.post("/api/graphql", { headers: auth, data: { query: "query($q: String!) { subjects(q: $q) { nodes { id } } }", variables: { q: subjectName } } });
  expect(graphql.status()).toBeLessThan(500);
  // Requests Next itself refuses, logging an error: an unknown server action carrying the password,
  // and the real sign-in action sent a body that is not its format — Next's parse error quotes the
  // body's first characters (here a short secret, whole), which the log must not repeat.
  const action = await api.post("/login", { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }, data: JSON.stringify([{ password, token }]) });
  expect(action.status()).toBeGreaterThanOrEqual(400);
  const html = await (await api.get("/login")).text();
  const actionId = /&quot;id&quot;:&quot;([0-9a-f]{20,})&quot;/.exec(html)?.[1];
  expect(actionId, "the login form's action id").toBeTruthy();
  const broken = await api.post("/login", { headers: { "next-action": actionId!, "content-type": "text/plain;charset=UTF-8" }, data: Buffer.from(shortSecret) });
  expect(broken.status()).toBeGreaterThanOrEqual(400);
  const brokenId = broken.headers()["x-request-id"];
  const marker = (await api.get("/api/v1/no-such-endpoint", { headers: auth })).headers()["x-request-id"];
  await api.dispose();

  // Pages whose URLs carry the name (a search).
  await loginAndWait(page, "coordinator1");
  await page.goto(`/subjects?q=${encodeURIComponent(subjectName)}`);
  await expect(page.getByText(`LP-${tag}`)).toBeVisible();
  await page.goto(`/subjects/${record.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subjectName);

  // The log: JSON lines, request lines with an id; ours among them; no secret in any line.
  await expect.poll(() => fs.existsSync(logFile!) && fs.readFileSync(logFile!, "utf8").includes(marker!)).toBe(true);
  const text = fs.readFileSync(logFile!, "utf8");
  const lines = text.split("\n").filter(Boolean);
  expect(lines.length).toBeGreaterThan(20);
  for (const line of lines) {
    const entry = JSON.parse(line) as { msg?: string; requestId?: string };
    if (entry.msg === "request") expect(entry.requestId, line).toMatch(/^[\w.:-]{1,64}$/);
  }
  // Next did log the broken action (so the secret had its chance to appear).
  expect(lines.some((line) => line.includes(brokenId!) && JSON.parse(line).level >= 50), "an error line for the broken action").toBe(true);
  const forbidden = [password, token, token.slice(-16), subjectName, `Leakprobe${tag}`, email, DEMO_PASSWORD, shortSecret];
  for (const secret of forbidden) {
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      expect(text.includes(form), `the log contains ${[password, DEMO_PASSWORD, shortSecret].includes(secret) ? "a password" : secret === token ? "the token" : JSON.stringify(secret)}`).toBe(false);
    }
  }
});
