import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { ValidationError } from "../errors";
import { verifyPassword } from "../password";
import { signUp } from "./signup";

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

describe("signUp", () => {
  it("creates a pending account with an argon2id hash and audits it without the password", async () => {
    const created = await signUp(good, "10.0.0.5");
    expect(created).toMatchObject({ username: "new.person", status: "pending", role: "coordinator" });
    const db = await testDb();
    const [row] = await db.select().from(users).where(eq(users.id, created.id));
    expect(row!.password).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.password, good.password)).toBe(true);
    expect(row!.siteId).toBeNull();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audit).toMatchObject({ action: "signup", entity: "user", clientAddress: "10.0.0.5" });
    expect(JSON.stringify(audit)).not.toContain(good.password);
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("refuses a taken username or email, ignoring case, and writes nothing", async () => {
    const before = await counts();
    expect(await fieldErrorsOf(signUp({ ...good, username: "NEW.PERSON", email: "other@example.org" }, null))).toHaveProperty("username");
    expect(await fieldErrorsOf(signUp({ ...good, username: "someone", email: "new.person@example.ORG" }, null))).toHaveProperty("email");
    expect(await counts()).toEqual(before);
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
    const created = await signUp({ ...good, username: "bobby", email: "bobby@example.org", displayName: name }, null);
    const db = await testDb();
    const [row] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, created.id));
    expect(row!.displayName).toBe(name);
  });
});
