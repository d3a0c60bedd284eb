import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, users } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { RateLimitedError, ValidationError } from "../errors";
import { verifyPassword } from "../password";
import { SIGNUP_LIMIT, signUp } from "./signup";

withTestDb();

const good = {
  username: "new.person",
  email: "New.Person@Example.org",
  displayName: "New Person",
  role: "coordinator" as const,
  password: "a long enough password",
  confirmPassword: "a long enough password",
};

async function counts() {
  const db = await testDb();
  const [u] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users);
  const [a] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents);
  return { users: u!.n, audit: a!.n };
}

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

async function accountId(username: string) {
  const db = await testDb();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row?.id;
}

describe("signUp", () => {
  it("creates a pending account with an argon2id hash and audits it without the password", async () => {
    expect(await signUp(good, "10.0.0.5")).toEqual({ status: "received" });
    const id = (await accountId("new.person"))!;
    const db = await testDb();
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ username: "new.person", status: "pending", role: "coordinator" });
    expect(row!.password).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.password, good.password)).toBe(true);
    expect(row!.siteId).toBeNull();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit).toMatchObject({ action: "signup", entity: "user", clientAddress: "10.0.0.5" });
    expect(JSON.stringify(audit)).not.toContain(good.password);
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("answers a taken username or email exactly as a free one, creates nothing, and tells the address's owner", async () => {
    const db = await testDb();
    const before = await counts();
    const existingId = (await accountId("new.person"))!;
    process.env.SMTP_URL = "smtp://mail.invalid:2525";
    try {
      const free = await signUp({ ...good, username: "free.name", email: "free.name@example.org" }, "10.0.1.1");
      const takenName = await signUp({ ...good, username: "NEW.PERSON", email: "other@example.org" }, "10.0.1.2");
      const takenEmail = await signUp({ ...good, username: "someone", email: "new.person@example.ORG" }, "10.0.1.3");
      expect(takenName).toEqual(free);
      expect(takenEmail).toEqual(free);
    } finally {
      delete process.env.SMTP_URL;
    }
    // Only the free name made an account.
    expect((await counts()).users).toBe(before.users + 1);
    expect(await accountId("someone")).toBeUndefined();
    const refusals = await db.select().from(auditEvents).where(eq(auditEvents.action, "signup_refused")).orderBy(auditEvents.seq);
    expect(refusals.map((r) => [r.actorUsername, r.entityId, r.reason, r.clientAddress])).toEqual([
      ["NEW.PERSON", null, "The username is already in use.", "10.0.1.2"],
      ["someone", existingId, "The email address already has an account.", "10.0.1.3"],
    ]);
    const mail = await db.select().from(emailOutbox).orderBy(emailOutbox.createdAt);
    expect(mail.map((m) => [m.toAddress, m.subject])).toEqual(
      expect.arrayContaining([
        ["free.name@example.org", "TrialDesk: your account request was received"],
        ["other@example.org", "TrialDesk: your account request needs another username"],
        // The existing account's own address, as stored — not the one typed in.
        ["New.Person@Example.org", "TrialDesk: someone tried to sign up with your email address"],
      ]),
    );
    expect(mail).toHaveLength(3);
    // No email carries what was typed into the form.
    for (const m of mail) expect(`${m.textBody}${m.htmlBody}`).not.toMatch(/someone|NEW\.PERSON|free\.name|New Person/);
  });

  it("sends no email when mail is not configured, and answers the same", async () => {
    const db = await testDb();
    const before = await db.select().from(emailOutbox);
    expect(await signUp({ ...good, username: "another", email: "new.person@example.org" }, "10.0.2.1")).toEqual({ status: "received" });
    expect(await db.select().from(emailOutbox)).toHaveLength(before.length);
  });

  it("throttles sign-ups per client address, writes nothing when refused, and audits the lockout once", async () => {
    const db = await testDb();
    for (let i = 0; i < SIGNUP_LIMIT.max; i++) {
      await signUp({ ...good, username: `flood${i}`, email: `flood${i}@example.org` }, "198.51.100.7");
    }
    const before = await counts();
    for (let i = 0; i < 3; i++) {
      const refused = await signUp({ ...good, username: `flood.more${i}`, email: `more${i}@example.org` }, "198.51.100.7").then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    }
    const after = await counts();
    expect(after.users).toBe(before.users);
    expect(after.audit).toBe(before.audit + 1);
    const [lock] = await db.select().from(auditEvents).where(eq(auditEvents.action, "signup_throttled"));
    expect(lock).toMatchObject({ clientAddress: "198.51.100.7", changes: { signups: [null, SIGNUP_LIMIT.max] } });
    // Another address is not held up.
    expect(await signUp({ ...good, username: "elsewhere", email: "elsewhere@example.org" }, "198.51.100.8")).toEqual({ status: "received" });
  });

  it("explains each bad field and writes nothing", async () => {
    const before = await counts();
    const errors = await fieldErrorsOf(
      signUp({ username: "a b", email: "not-an-email", displayName: "", role: "admin" as never, password: "short", confirmPassword: "different" }, null),
    );
    expect(Object.keys(errors).sort()).toEqual(["displayName", "email", "password", "role", "username"]);
    expect(errors.password?.[0]).toMatch(/12 characters/);
    const mismatch = await fieldErrorsOf(signUp({ ...good, username: "x.y.z", email: "x@y.org", confirmPassword: "something else entirely" }, null));
    expect(mismatch.confirmPassword?.[0]).toMatch(/differ/);
    // Unknown fields are refused too: nobody signs themselves up as "active".
    await fieldErrorsOf(signUp({ ...good, username: "sneaky", email: "s@y.org", status: "active" } as never, null));
    expect(await counts()).toEqual(before);
  });

  it("stores text that looks like SQL or HTML verbatim", async () => {
    const name = `Robert'); DROP TABLE users;-- <script>alert(1)</script>`;
    await signUp({ ...good, username: "bobby", email: "bobby@example.org", displayName: name }, null);
    const db = await testDb();
    const [row] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.username, "bobby"));
    expect(row!.displayName).toBe(name);
  });
});
