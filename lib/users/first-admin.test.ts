import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { ForbiddenError, ValidationError } from "../errors";
import { authenticate } from "../auth/credentials";
import { createFirstAdmin } from "./first-admin";

withTestDb();

describe("createFirstAdmin (one-time production setup)", () => {
  it("refuses bad input, creates the first admin, then refuses a second", async () => {
    const db = await testDb();
    await expect(createFirstAdmin(db, { username: "root", email: "root@example.org", displayName: "Root", password: "short" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.select().from(users)).toHaveLength(0);

    const admin = await createFirstAdmin(db, { username: "root", email: "root@example.org", displayName: "Root", password: "a long admin password" });
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ role: "admin", status: "active", siteId: null });
    expect((await authenticate({ username: "root", password: "a long admin password" }, null)).ok).toBe(true);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "setup.first_admin"));
    expect(audit?.entityId).toBe(admin.id);

    await expect(
      createFirstAdmin(db, { username: "root2", email: "root2@example.org", displayName: "Root 2", password: "another long password" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("counts only active admins: with every admin disabled (the demo's, removed), setup may run again", async () => {
    const db = await testDb();
    await db.update(users).set({ status: "disabled" }).where(eq(users.role, "admin"));
    const again = await createFirstAdmin(db, { username: "root2", email: "root2@example.org", displayName: "Root 2", password: "another long password" });
    expect(again).toMatchObject({ username: "root2", removedDemo: [] });
    await expect(
      createFirstAdmin(db, { username: "ROOT", email: "root3@example.org", displayName: "Root 3", password: "another long password" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
