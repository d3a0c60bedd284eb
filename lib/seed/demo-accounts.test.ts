import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { rawSql, testDb, withTestDb } from "@/tests/db";
import { authenticate } from "../auth/credentials";
import { ForbiddenError, ValidationError } from "../errors";
import { hashPassword } from "../password";
import { createFirstAdmin } from "../users/first-admin";
import { DEMO_USERNAMES, demoAccountsActive, REMOVE_DEMO_REASON, removeDemoAccounts } from "./demo-accounts";
import { DEMO_BANNER_TTL_MS, resetDemoBanner, showDemoBanner } from "./demo-banner";
import { seedDemo } from "./demo-data";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, USER_DEFS } from "./people";

withTestDb();

const ALWAYS_DISABLED = USER_DEFS.filter((u) => u.status === "disabled").map((u) => u.username);
const USABLE = DEMO_USERNAMES.filter((u) => !ALWAYS_DISABLED.includes(u)).sort();

async function statuses(): Promise<Record<string, string>> {
  const db = await testDb();
  const rows = await db.select({ username: users.username, status: users.status }).from(users).where(inArray(users.username, [...DEMO_USERNAMES]));
  return Object.fromEntries(rows.map((r) => [r.username, r.status]));
}

async function freshBanner(): Promise<boolean> {
  resetDemoBanner();
  return showDemoBanner();
}

describe("demo accounts: the banner's decision and their removal", () => {
  it("covers every account the seed creates, the start script's DEMO_ACCOUNTS among them", () => {
    for (const a of DEMO_ACCOUNTS) expect(DEMO_USERNAMES).toContain(a.username);
  });

  it("shows no banner on an empty database, and removal there disables nothing", async () => {
    expect(await demoAccountsActive()).toBe(false);
    expect(await freshBanner()).toBe(false);
    expect(await removeDemoAccounts()).toEqual({ disabled: [] });
  });

  it("leaves a real account that happens to have a demo username alone (no demo seed here)", async () => {
    const db = await testDb();
    await createFirstAdmin(db, { username: "admin", email: "it@example.org", displayName: "Real Admin", password: "a long admin password" });
    expect(await demoAccountsActive()).toBe(false);
    expect(await removeDemoAccounts()).toEqual({ disabled: [] });
    expect(await statuses()).toEqual({ admin: "active" });
    // Out of the way for the rest of the file (a real admin would block the demo's first-admin setup).
    await rawSql(`update users set username = 'it-admin', status = 'disabled' where username = 'admin'`);
  });

  it("shows the banner once the demo data is loaded, while one demo account still has the published password", async () => {
    const db = await testDb();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.transaction((tx) => seedDemo(tx, { passwordHash }));
    expect(await demoAccountsActive()).toBe(true);
    expect(await freshBanner()).toBe(true);

    // One demo account given a password of its own: the others still open with the published one.
    const other = await hashPassword("someone chose a real password");
    await db.update(users).set({ password: other }).where(eq(users.username, "coordinator1"));
    expect(await demoAccountsActive()).toBe(true);
    // Every demo account's password changed: no published password opens anything, no banner.
    await db.update(users).set({ password: other }).where(inArray(users.username, [...DEMO_USERNAMES]));
    expect(await demoAccountsActive()).toBe(false);
    await db.update(users).set({ password: passwordHash }).where(inArray(users.username, [...DEMO_USERNAMES]));
    expect(await demoAccountsActive()).toBe(true);
  });

  it("keeps the demo accounts while a first admin is refused; a failed setup removes nothing", async () => {
    const db = await testDb();
    const alice = { username: "alice", email: "alice@example.org", displayName: "Alice", password: "alice's long password" };
    await expect(createFirstAdmin(db, alice)).rejects.toBeInstanceOf(ForbiddenError);
    // The demo's own username: refused after the removal ran, so the whole setup rolls back.
    await expect(createFirstAdmin(db, { ...alice, username: "Admin" }, { removeDemo: true })).rejects.toBeInstanceOf(ValidationError);
    expect(await demoAccountsActive()).toBe(true);
    expect((await statuses()).admin).toBe("active");
  });

  it("setup with removeDemo disables every demo account (never deletes, each audited) and creates the admin", async () => {
    const db = await testDb();
    const [{ n: before }] = (await db.select({ n: sql<number>`count(*)::int` }).from(users)) as [{ n: number }];
    const created = await createFirstAdmin(
      db,
      { username: "alice", email: "alice@example.org", displayName: "Alice", password: "alice's long password" },
      { removeDemo: true },
    );
    expect(created.removedDemo).toEqual(USABLE);
    expect(Object.values(await statuses()).every((s) => s === "disabled")).toBe(true);
    const [{ n: after }] = (await db.select({ n: sql<number>`count(*)::int` }).from(users)) as [{ n: number }];
    expect(after).toBe(before + 1);

    const audits = await db
      .select({ entityId: auditEvents.entityId, changes: auditEvents.changes, reason: auditEvents.reason })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "user"), eq(auditEvents.action, "user.disable")));
    expect(audits).toHaveLength(USABLE.length);
    for (const a of audits) {
      expect(a.reason).toBe(REMOVE_DEMO_REASON);
      expect((a.changes as Record<string, unknown>).status).toEqual([expect.not.stringMatching(/^disabled$/), "disabled"]);
    }

    expect(await demoAccountsActive()).toBe(false);
    expect((await authenticate({ username: "admin", password: DEMO_PASSWORD }, null)).ok).toBe(false);
    expect((await authenticate({ username: "alice", password: "alice's long password" }, null)).ok).toBe(true);
  });

  it("keeps the banner's answer for its TTL, then sees the removal", async () => {
    // An answer cached before the removal (as another process's would be) …
    resetDemoBanner();
    await rawSql(`update users set status = 'active' where username = 'investigator1'`);
    const t0 = Date.now();
    expect(await showDemoBanner(t0)).toBe(true);
    await rawSql(`update users set status = 'disabled' where username = 'investigator1'`);
    expect(await showDemoBanner(t0 + 1_000)).toBe(true);
    // … is asked again once it has expired.
    expect(await showDemoBanner(t0 + DEMO_BANNER_TTL_MS + 60_000)).toBe(false);
  });

  it("removal on its own disables what is left, audited, and is idempotent", async () => {
    await rawSql(`update users set status = 'active' where username in ('sponsor1', 'investigator2')`);
    expect(await freshBanner()).toBe(true);
    expect(await removeDemoAccounts()).toEqual({ disabled: ["investigator2", "sponsor1"] });
    expect(await removeDemoAccounts()).toEqual({ disabled: [] });
    expect(await freshBanner()).toBe(false);
    const db = await testDb();
    const rows = await db
      .select({ entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.disable"), eq(auditEvents.reason, REMOVE_DEMO_REASON)));
    expect(rows).toHaveLength(USABLE.length + 2);
  });
});
