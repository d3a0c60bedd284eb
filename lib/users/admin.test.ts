import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { testDb } from "@/tests/db";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import { loadActor } from "../auth/load-actor";
import { decide } from "../policy";
import { assignRole, listUsers, setUserStatus } from "./admin";

const f = withTwoSites();

const auditCount = async () => {
  const db = await testDb();
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents);
  return row!.n;
};

describe("admin user management", () => {
  it("lists pending sign-ups first, paginated", async () => {
    await makeUser("zz_pending", "coordinator", null, "pending");
    const admin = await f.actor(f.users.admin.id);
    const page = await listUsers(admin);
    expect(page.rows[0]!.username).toBe("zz_pending");
    expect(page.total).toBe(7);
    expect(page.rows[0]).not.toHaveProperty("password");
    const pending = await listUsers(admin, { status: "pending" });
    expect(pending.rows.map((r) => r.username)).toEqual(["zz_pending"]);
  });

  it("activates a pending account with a role and a site, audited, effective on its next request", async () => {
    const pending = await makeUser("to_activate", "sponsor", null, "pending");
    expect(decide(await loadActor(pending.id), "subject.read")).toBe("forbidden");
    const admin = await f.actor(f.users.admin.id);
    const after = await assignRole(admin, { userId: pending.id, role: "coordinator", siteId: f.siteA.id, version: pending.version });
    expect(after).toMatchObject({ status: "active", role: "coordinator", siteId: f.siteA.id, version: 2 });
    const actor = await loadActor(pending.id);
    expect(decide(actor, "subject.read", { siteId: f.siteA.id, studyId: f.studyA.id })).toBe("allow");
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, pending.id));
    expect(audit).toMatchObject({ action: "user.activate", actorId: f.users.admin.id });
    expect(audit!.changes).toMatchObject({ status: ["pending", "active"], role: ["sponsor", "coordinator"], siteId: [null, f.siteA.id] });
  });

  it("refuses a site-bound role without a site, an unknown site, a stale version — and writes nothing", async () => {
    const pending = await makeUser("needs_site", "coordinator", null, "pending");
    const admin = await f.actor(f.users.admin.id);
    const before = await auditCount();
    await expect(assignRole(admin, { userId: pending.id, role: "investigator", siteId: "", version: 1 })).rejects.toMatchObject({
      fieldErrors: { siteId: [expect.stringMatching(/need a site/)] },
    });
    await expect(
      assignRole(admin, { userId: pending.id, role: "investigator", siteId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(assignRole(admin, { userId: pending.id, role: "sponsor", siteId: "", version: 7 })).rejects.toBeInstanceOf(ConflictError);
    await expect(assignRole(admin, { userId: pending.id, role: "boss", siteId: "", version: 1 })).rejects.toBeInstanceOf(ValidationError);
    const db = await testDb();
    const [row] = await db.select().from(users).where(eq(users.id, pending.id));
    expect(row).toMatchObject({ status: "pending", version: 1 });
    expect(await auditCount()).toBe(before);
  });

  it("shows the newer values on a conflict", async () => {
    const admin = await f.actor(f.users.admin.id);
    const target = await makeUser("conflicted", "sponsor", null, "pending");
    await assignRole(admin, { userId: target.id, role: "sponsor", siteId: "", version: 1 });
    const error = await assignRole(admin, { userId: target.id, role: "coordinator", siteId: f.siteB.id, version: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ status: string; version: number }>).current).toMatchObject({ status: "active", version: 2 });
    // The newer row goes back to the admin's browser: never with the password hash.
    expect((error as ConflictError).current).not.toHaveProperty("password");
  });

  it("disables a user with a reason; their next request is refused", async () => {
    const admin = await f.actor(f.users.admin.id);
    await expect(setUserStatus(admin, { userId: f.users.coordB.id, status: "disabled", version: 1, reason: "" })).rejects.toBeInstanceOf(ValidationError);
    await setUserStatus(admin, { userId: f.users.coordB.id, status: "disabled", version: 1, reason: "Left the site" });
    const actor = await loadActor(f.users.coordB.id);
    expect(decide(actor, "subject.read", { siteId: f.siteB.id, studyId: f.studyB.id })).toBe("forbidden");
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.disable"));
    expect(audit).toMatchObject({ reason: "Left the site", entityId: f.users.coordB.id });
    // …and re-enabled.
    await setUserStatus(admin, { userId: f.users.coordB.id, status: "active", version: 2, reason: "Back" });
    expect((await loadActor(f.users.coordB.id))?.status).toBe("active");
  });

  it("refuses everyone but admins, and an admin changing themselves", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const admin = await f.actor(f.users.admin.id);
    await expect(listUsers(coord)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assignRole(coord, { userId: f.users.invA.id, role: "admin", siteId: "", version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserStatus(admin, { userId: admin.id, status: "disabled", version: 1, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("will not move a principal investigator away from their study's site", async () => {
    const admin = await f.actor(f.users.admin.id);
    await expect(
      assignRole(admin, { userId: f.users.invA.id, role: "investigator", siteId: f.siteB.id, version: 1 }),
    ).rejects.toMatchObject({ fieldErrors: { siteId: [expect.stringMatching(/cannot move/)] } });
  });
});
