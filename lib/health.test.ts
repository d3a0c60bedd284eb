import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { rawSql, testDb, withTestDb } from "@/tests/db";
import { liveness, OUTBOX_STUCK_MINUTES, readiness, readinessResponse } from "./health";
import { runInRequestContext } from "./request-context";
import { queryRows } from "./seed/query-rows";
import { sql } from "drizzle-orm";

withTestDb();

const SMTP = { SMTP_URL: "smtp://mailer:hunter2-secret@mail.internal.example:587" } as unknown as NodeJS.ProcessEnv;

async function queueEmail(key: string, dueMinutesAgo: number): Promise<void> {
  await rawSql(`insert into email_outbox (to_address, subject, text_body, html_body, cause_key, next_attempt_at)
    values ('someone@example.org', 'Subject', 'text', '<p>html</p>', '${key}', now() - interval '${dueMinutesAgo} minutes')`);
}

/** What a 503 must never carry: the error's words, a stack, an address, a secret. */
function expectNothingLeaked(text: string): void {
  expect(text).not.toMatch(/hunter2|secret|mail\.internal|127\.0\.0\.1|ECONNREFUSED|postgres:\/\/|\n\s+at |\.ts:\d+/);
}

describe("liveness", () => {
  it("answers ok without touching anything", () => {
    expect(liveness()).toEqual({ status: "ok" });
  });
});

describe("readiness (real database)", () => {
  it("is ready on a migrated database; the outbox is skipped without SMTP_URL", async () => {
    const result = await readiness({ env: {} as unknown as NodeJS.ProcessEnv });
    expect(result).toEqual({
      status: "ok",
      checks: { database: { status: "ok" }, migrations: { status: "ok" }, outbox: { status: "skipped", detail: expect.any(String) } },
    });
  });

  it("fails the migrations check while the newest shipped migration is not applied", async () => {
    const db = await testDb();
    const [newest] = await queryRows<{ id: number; hash: string; created_at: string }>(
      db,
      sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    await rawSql(`delete from drizzle.__drizzle_migrations where id = ${newest!.id}`);
    try {
      const result = await readiness({ env: {} as unknown as NodeJS.ProcessEnv });
      expect(result.status).toBe("fail");
      expect(result.checks.database.status).toBe("ok");
      expect(result.checks.migrations).toEqual({ status: "fail", detail: expect.stringMatching(/^1 migration\(s\) not applied: the database is at \d{4}_\w+, this code needs \d{4}_\w+\.$/) });
      const response = await runInRequestContext({ requestId: "req-health-1", peer: null }, () => readinessResponse({ env: {} as unknown as NodeJS.ProcessEnv }));
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = await response.json();
      expect(body).toMatchObject({ status: 503, title: "Service unavailable", failed: ["migrations"], detail: "Not ready: migrations check failed.", requestId: "req-health-1" });
    } finally {
      await rawSql(`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest!.id}, '${newest!.hash}', ${newest!.created_at})`);
    }
    expect((await readiness({ env: {} as unknown as NodeJS.ProcessEnv })).status).toBe("ok");
  });

  it(`fails the outbox check with SMTP_URL set and an email due more than ${OUTBOX_STUCK_MINUTES} minutes ago`, async () => {
    await queueEmail("health-recent", OUTBOX_STUCK_MINUTES - 5);
    expect(await readiness({ env: SMTP })).toMatchObject({ status: "ok", checks: { outbox: { status: "ok" } } });

    await queueEmail("health-stuck", OUTBOX_STUCK_MINUTES + 5);
    const result = await readiness({ env: SMTP });
    expect(result.status).toBe("fail");
    expect(result.checks.outbox).toEqual({ status: "fail", detail: `1 email(s) due more than ${OUTBOX_STUCK_MINUTES} minutes ago are still pending.` });
    // Without SMTP_URL nothing is sent on purpose: waiting rows are not a fault.
    expect((await readiness({ env: {} as unknown as NodeJS.ProcessEnv })).status).toBe("ok");

    const response = await readinessResponse({ env: SMTP });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ failed: ["outbox"], checks: { database: { status: "ok" }, migrations: { status: "ok" }, outbox: { status: "fail" } } });
    expectNothingLeaked(text);

    // Sent (or dead) rows are not stuck.
    await rawSql(`update email_outbox set status = 'sent', sent_at = now() where cause_key = 'health-stuck'`);
    expect((await readiness({ env: SMTP })).status).toBe("ok");
  });
});

describe("readiness without a database", () => {
  // A real PostgreSQL client pointed at a port where nothing listens, with a password in its URL.
  const client = postgres("postgres://trialdesk:hunter2-secret@127.0.0.1:1/trialdesk", { max: 1, connect_timeout: 2, onnotice: () => {} });
  afterAll(() => client.end({ timeout: 1 }));

  it("answers 503 problem+json naming the database, with no error text, address or secret", async () => {
    const db = drizzle(client) as unknown as Db;
    const result = await readiness({ db, env: SMTP });
    expect(result).toEqual({
      status: "fail",
      checks: {
        database: { status: "fail", detail: "The database cannot be reached." },
        migrations: { status: "skipped" },
        outbox: { status: "skipped" },
      },
    });
    const response = await readinessResponse({ db, env: SMTP });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("10");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ type: "about:blank", status: 503, failed: ["database"], detail: "Not ready: database check failed." });
    expectNothingLeaked(text);
  });

  it("does not hang on a database that never answers", async () => {
    const silent = { execute: () => new Promise(() => {}) } as unknown as Db;
    const started = Date.now();
    const result = await readiness({ db: silent, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.checks.database).toEqual({ status: "fail", detail: "The database did not answer in time." });
  });
});
