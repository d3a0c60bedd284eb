/** The route handlers themselves, called as Next calls them, against the test database. */
import { afterEach, describe, expect, it } from "vitest";
import { rawSql, withTestDb } from "@/tests/db";
import { GET as live } from "./route";
import { GET as ready } from "./ready/route";

withTestDb();

const smtp = process.env.SMTP_URL;
afterEach(() => {
  if (smtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = smtp;
});

describe("GET /api/health", () => {
  it("answers 200 {status: ok}, uncached", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("GET /api/health/ready", () => {
  it("answers 200 with each check while the database is current", async () => {
    delete process.env.SMTP_URL;
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", checks: { database: { status: "ok" }, migrations: { status: "ok" }, outbox: { status: "skipped" } } });
  });

  it("answers 503 problem+json naming the outbox when mail is stuck", async () => {
    process.env.SMTP_URL = "smtp://mailer:hunter2-secret@mail.internal.example:587";
    await rawSql(`insert into email_outbox (to_address, subject, text_body, html_body, cause_key, next_attempt_at)
      values ('someone@example.org', 'Subject', 'text', '<p>html</p>', 'route-stuck', now() - interval '1 hour')`);
    const response = await ready();
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 503, failed: ["outbox"], checks: { outbox: { status: "fail" } } });
    expect(text).not.toMatch(/hunter2|mail\.internal|\n\s+at /);
  });
});
