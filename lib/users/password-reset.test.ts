import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { testDb } from "@/tests/db";
import { adminCounts } from "@/tests/fixtures-admin";
import { FIXTURE_PASSWORD, withTwoSites } from "@/tests/fixtures";
import { authenticate } from "../auth/credentials";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import { resetPassword } from "./password-reset";

const f = withTwoSites();

const TEMP = "Temporary-pass-42";

describe("resetPassword", () => {
  it("sets a temporary password (argon2id) that signs in at once; the old one no longer does; audited without the password", async () => {
    const admin = await f.actor(f.users.admin.id);
    const result = await resetPassword(admin, { userId: f.users.coordA.id, version: 1, password: TEMP, confirmPassword: TEMP });
    expect(result).toMatchObject({ id: f.users.coordA.id, version: 2 });
    expect(result).not.toHaveProperty("password");
    const db = await testDb();
    const [row] = await db.select({ password: users.password }).from(users).where(eq(users.id, f.users.coordA.id));
    expect(row!.password).toMatch(/^\$argon2id\$/);
    expect(await authenticate({ username: "coord_a", password: TEMP }, "10.0.0.1")).toMatchObject({ ok: true });
    expect(await authenticate({ username: "coord_a", password: FIXTURE_PASSWORD }, "10.0.0.1")).toMatchObject({ ok: false });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.reset_password"));
    expect(audit).toMatchObject({ entity: "user", entityId: f.users.coordA.id, actorId: admin.id, siteId: f.siteA.id });
    expect(audit!.changes).toEqual({ password: ["[redacted]", "[redacted]"], mustChangePassword: [false, true] });
    expect(JSON.stringify(audit)).not.toContain(TEMP);
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("refuses a short or mistyped password, a stale version (without leaking the hash), itself and non-admins — writing nothing", async () => {
    const admin = await f.actor(f.users.admin.id);
    const before = await adminCounts();
    const short = await resetPassword(admin, { userId: f.users.coordB.id, version: 1, password: "short", confirmPassword: "other" }).catch((e) => e);
    expect(short).toBeInstanceOf(ValidationError);
    expect(Object.keys(short.fieldErrors).sort()).toEqual(["confirmPassword", "password"]);
    const stale = await resetPassword(admin, { userId: f.users.coordB.id, version: 4, password: TEMP, confirmPassword: TEMP }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ username: "coord_b", version: 1 });
    expect(stale.current).not.toHaveProperty("password");
    await expect(resetPassword(admin, { userId: admin.id, version: 1, password: TEMP, confirmPassword: TEMP })).rejects.toBeInstanceOf(ForbiddenError);
    for (const id of [f.users.coordA.id, f.users.invB.id, f.users.sponsor.id]) {
      await expect(resetPassword(await f.actor(id), { userId: f.users.coordB.id, version: 1, password: TEMP, confirmPassword: TEMP })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await adminCounts()).toEqual(before);
    expect(await authenticate({ username: "coord_b", password: FIXTURE_PASSWORD }, "10.0.0.2")).toMatchObject({ ok: true });
  });
});
