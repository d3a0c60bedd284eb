/**
 * The dispatcher against a real database and a real SMTP server (tests/smtp.ts): nothing mocked.
 * Time is stepped by passing `now`, never by waiting for a backoff.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dbKind, type Db } from "@/db";
import { auditEvents, emailOutbox } from "@/db/schema";
import { rawSql, testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { withDatabase } from "@/tests/global-setup";
import { startTestSmtp, type TestSmtp } from "@/tests/smtp";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import { backoffMs, MAX_ATTEMPTS } from "./backoff";
import { composeNotification } from "./compose";
import { dispatchOnce, LEASE_MS, retryDead, startMailDispatcher, stopMailDispatcher } from "./dispatcher";
import { queueEmails } from "./outbox";
import { safeErrorText, type MailTransport } from "./transport";

const f = withTwoSites();
const FROM = "TrialDesk Test <trialdesk@example.org>";
const env = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
  process.env.SMTP_URL = env.SMTP_URL;
  process.env.MAIL_FROM = env.MAIL_FROM;
  if (env.SMTP_URL === undefined) delete process.env.SMTP_URL;
  if (env.MAIL_FROM === undefined) delete process.env.MAIL_FROM;
});
beforeEach(async () => {
  await rawSql("DELETE FROM email_outbox");
  smtp.messages.length = 0;
  smtp.mode = "ok";
  smtp.delayMs = 0;
  process.env.SMTP_URL = smtp.url();
  process.env.MAIL_FROM = FROM;
});
afterEach(() => stopMailDispatcher());

let serial = 0;
/** Queues `n` emails the way the rules engine does, and returns their ids. */
async function queue(n = 1): Promise<string[]> {
  const db = await testDb();
  const keys = Array.from({ length: n }, () => `test:${++serial}`);
  await queueEmails(
    db,
    keys.map((causeKey, i) => ({
      userId: f.users.coordA.id,
      to: `coord_a+${i}@example.org`,
      causeKey,
      mail: composeNotification({ title: `Visit due for A-01 (${causeKey})`, body: "At Site A.", link: "/visits/x" }, "https://trialdesk.example.org"),
    })),
  );
  const rows = await db.select({ id: emailOutbox.id, causeKey: emailOutbox.causeKey }).from(emailOutbox);
  return keys.map((k) => rows.find((r) => r.causeKey === k)!.id);
}

async function row(id: string) {
  const [r] = await (await testDb()).select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return r!;
}

/** A moment safely after the rows' default next_attempt_at (the database's now()). */
const soon = () => new Date(Date.now() + 1_000);

describe("dispatchOnce", () => {
  it("delivers a pending email once, with text and HTML parts and From = MAIL_FROM, and marks it sent", async () => {
    const [id] = await queue();
    const now = soon();
    expect(await dispatchOnce({ now })).toMatchObject({ smtp: true, claimed: 1, sent: 1, failed: 0 });
    expect(await dispatchOnce({ now })).toMatchObject({ claimed: 0, sent: 0 });

    expect(smtp.messages).toHaveLength(1);
    const [m] = smtp.messages;
    expect(m!.to).toEqual(["coord_a+0@example.org"]);
    expect(m!.from).toBe("trialdesk@example.org");
    expect(m!.headers.from).toBe(FROM);
    expect(m!.headers.subject).toContain("TrialDesk: Visit due for A-01");
    expect(m!.headers["message-id"]).toBe(`<outbox-${id}@example.org>`);
    expect(m!.headers["content-type"]).toMatch(/^multipart\/alternative/);
    expect(m!.raw).toMatch(/Content-Type: text\/plain/);
    expect(m!.raw).toMatch(/Content-Type: text\/html/);
    // Quoted-printable: joining its soft line breaks is all the decoding a link needs.
    expect(m!.raw.replace(/=\r?\n/g, "")).toContain('href=3D"https://trialdesk.example.org/visits/x"');

    const r = await row(id!);
    expect(r).toMatchObject({ status: "sent", attempts: 0, lockedUntil: null, lastError: null });
    expect(r.sentAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
  });

  it("keeps a refused email pending with its error, then delivers it exactly once after the backoff", async () => {
    const [id] = await queue();
    smtp.mode = "tempfail";
    const t0 = soon();
    expect(await dispatchOnce({ now: t0 })).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    let r = await row(id!);
    expect(r).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null });
    expect(r.lastError).toMatch(/451 Mailbox busy/);
    const wait = r.nextAttemptAt.getTime() - t0.getTime();
    expect(wait).toBeGreaterThanOrEqual(backoffMs(0));
    expect(wait).toBeLessThan(backoffMs(0) + 5_000);

    smtp.mode = "ok";
    // Not due yet: the backoff holds even though the server would now accept it.
    expect(await dispatchOnce({ now: new Date(t0.getTime() + backoffMs(0) / 2) })).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(0);

    const later = new Date(r.nextAttemptAt.getTime() + 1);
    expect(await dispatchOnce({ now: later })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await dispatchOnce({ now: new Date(later.getTime() + 3_600_000) })).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(1);
    r = await row(id!);
    expect(r).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("retries while the server is down, with a growing backoff, and delivers once it is back", async () => {
    const [id] = await queue();
    const down = await startTestSmtp();
    const deadUrl = down.url();
    await down.close(); // a port where nothing listens
    process.env.SMTP_URL = deadUrl;
    let now = soon();
    for (const expected of [1, 2]) {
      expect(await dispatchOnce({ now })).toMatchObject({ failed: 1 });
      const r = await row(id!);
      expect(r).toMatchObject({ status: "pending", attempts: expected });
      expect(r.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(r.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(backoffMs(expected - 1));
      now = new Date(r.nextAttemptAt.getTime() + 1);
    }
    process.env.SMTP_URL = smtp.url();
    expect(await dispatchOnce({ now })).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(await row(id!)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it(`gives up after ${MAX_ATTEMPTS} failures; an admin's retry brings it back and it is delivered`, async () => {
    const [id] = await queue();
    smtp.mode = "reject";
    let now = soon();
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const run = await dispatchOnce({ now });
      expect(run).toMatchObject(i < MAX_ATTEMPTS ? { failed: 1, dead: 0 } : { failed: 0, dead: 1 });
      now = new Date((await row(id!)).nextAttemptAt.getTime() + 1);
    }
    let r = await row(id!);
    expect(r).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS, lockedUntil: null });
    expect(r.lastError).toMatch(/550 No such mailbox/);
    smtp.mode = "ok";
    expect(await dispatchOnce({ now: new Date(now.getTime() + 86_400_000) })).toMatchObject({ claimed: 0 });

    const coord = await f.actor(f.users.coordA.id);
    await expect(retryDead(coord, id)).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await f.actor(f.users.admin.id);
    await expect(retryDead(admin, "not-an-id")).rejects.toBeInstanceOf(ValidationError);
    expect(await row(id!)).toMatchObject({ status: "dead" });

    await retryDead(admin, id);
    r = await row(id!);
    expect(r).toMatchObject({ status: "pending", attempts: 0, lockedUntil: null });
    await expect(retryDead(admin, id)).rejects.toBeInstanceOf(ConflictError);
    const db = await testDb();
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id!));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity: "email_outbox", action: "retry", actorId: admin.id });

    expect(await dispatchOnce({ now: soon() })).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(await row(id!)).toMatchObject({ status: "sent", attempts: 0 });
  });

  it("sends nothing and counts nothing without SMTP_URL", async () => {
    const [id] = await queue(2);
    delete process.env.SMTP_URL;
    expect(await dispatchOnce({ now: soon() })).toEqual({ smtp: false, claimed: 0, sent: 0, failed: 0, dead: 0, released: 0 });
    expect(smtp.messages).toHaveLength(0);
    expect(await row(id!)).toMatchObject({ status: "pending", attempts: 0, lockedUntil: null, lastError: null });
  });

  it("never puts the SMTP password in last_error, even when the server echoes it", async () => {
    const strict = await startTestSmtp({ requireAuth: true });
    try {
      const [id] = await queue();
      process.env.SMTP_URL = strict.url("mailer:S3cret%2FPa55"); // the password is "S3cret/Pa55"
      await dispatchOnce({ now: soon() });
      const r = await row(id!);
      expect(r.attempts).toBe(1);
      expect(r.lastError).toMatch(/535/);
      expect(r.lastError).toContain("***");
      expect(r.lastError).not.toContain("S3cret");
      expect(r.lastError).not.toContain("Pa55");
    } finally {
      await strict.close();
    }
    const url = "smtps://mailer:hunter22@smtp.example.org:465";
    const text = safeErrorText(new Error(`connect failed to ${url} (hunter22)\n  at somewhere`), url);
    expect(text).toBe("connect failed to smtps://***@smtp.example.org:465 (***) at somewhere");
  });

  it("takes back a crashed instance's rows once their lease has expired", async () => {
    const [id] = await queue();
    const now = soon();
    // As if another instance claimed it a moment ago and died before sending.
    await rawSql(`UPDATE email_outbox SET locked_until = '${new Date(now.getTime() + LEASE_MS / 2).toISOString()}' WHERE id = '${id}'`);
    expect(await dispatchOnce({ now })).toMatchObject({ claimed: 0 });
    expect(await dispatchOnce({ now: new Date(now.getTime() + LEASE_MS) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("does not overwrite what another instance recorded after this run's lease ran out", async () => {
    const [id] = await queue();
    const start = soon();
    // A run that stalls past its lease: meanwhile another instance takes the row and delivers it;
    // then the stalled send fails. That late failure must not turn "sent" back into "pending".
    const stalled: MailTransport = {
      async send() {
        expect(await dispatchOnce({ now: new Date(start.getTime() + LEASE_MS + 1) })).toMatchObject({ claimed: 1, sent: 1 });
        throw new Error("connection reset");
      },
      close: () => {},
    };
    expect(await dispatchOnce({ now: start, transport: stalled })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await row(id!)).toMatchObject({ status: "sent", attempts: 0, lastError: null });
    expect(smtp.messages).toHaveLength(1);
  });
});

describe("concurrent dispatchers", () => {
  /** Claims and sends in small batches until nothing is left for it. */
  async function drain(db?: Db): Promise<number> {
    let sent = 0;
    for (;;) {
      const run = await dispatchOnce({ batch: 3, db });
      sent += run.sent;
      if (run.claimed === 0) return sent;
    }
  }

  function expectEachOnce(ids: string[]) {
    const seen = smtp.messages.map((m) => /<outbox-([0-9a-f-]+)@/.exec(m.headers["message-id"] ?? "")?.[1]);
    expect(seen.sort()).toEqual([...ids].sort());
  }

  it("never send one email twice (two runs at once in this process)", async () => {
    const ids = await queue(12);
    smtp.delayMs = 5;
    const [a, b] = await Promise.all([drain(), drain()]);
    expect(a + b).toBe(12);
    expectEachOnce(ids);
    const db = await testDb();
    const [left] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(emailOutbox).where(eq(emailOutbox.status, "pending"));
    expect(left!.n).toBe(0);
  });

  it("never send one email twice (PostgreSQL: two instances on their own connections)", async (ctx) => {
    if ((await dbKind()) !== "postgres") return ctx.skip(); // PGlite is one connection in one process
    const postgres = (await import("postgres")).default;
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const schema = await import("@/db/schema");
    const db = await testDb();
    const [{ name }] = (await db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const client = postgres(withDatabase(process.env.DATABASE_URL!, name), { max: 3, onnotice: () => {}, connection: { TimeZone: "UTC" } });
    try {
      const other = drizzle(client, { schema }) as unknown as Db;
      const ids = await queue(30);
      smtp.delayMs = 5;
      const sent = await Promise.all([drain(), drain(), drain(other), drain(other)]);
      expect(sent.reduce((x, y) => x + y, 0)).toBe(30);
      expect(sent.filter((n) => n > 0).length).toBeGreaterThan(1);
      expectEachOnce(ids);
    } finally {
      await client.end({ timeout: 5 });
    }
  });
});

describe("startMailDispatcher", () => {
  it("sends in the background, and starting twice runs one loop", async () => {
    const ids = await queue(3);
    startMailDispatcher(20);
    startMailDispatcher(20);
    for (let i = 0; i < 200 && smtp.messages.length < 3; i++) await new Promise((r) => setTimeout(r, 25));
    stopMailDispatcher();
    expect(smtp.messages).toHaveLength(3);
    for (const id of ids) expect(await row(id)).toMatchObject({ status: "sent" });
  });
});
