import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, tasks, users } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { ensureDemoData } from "./demo";

withTestDb();

describe("the demo's follow-up", () => {
  it("gives coordinator1 and investigator1 open, overdue and done tasks and unread notifications", async () => {
    const db = await testDb();
    const now = new Date();
    expect(await ensureDemoData(db, { embedded: true, requested: false })).toBe("seeded");
    for (const username of ["coordinator1", "investigator1"]) {
      const [user] = await db.select().from(users).where(eq(users.username, username));
      const mine = await db.select().from(tasks).where(eq(tasks.assigneeId, user!.id));
      expect(mine.filter((t) => t.status === "open" && t.dueAt > now).length, username).toBeGreaterThan(0);
      expect(mine.filter((t) => t.status === "open" && t.dueAt < now).length, username).toBeGreaterThan(0);
      expect(mine.filter((t) => t.status !== "open").length, username).toBeGreaterThan(0);
      const [unread] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(notifications)
        .where(and(eq(notifications.userId, user!.id), isNull(notifications.readAt), lt(notifications.createdAt, new Date(now.getTime() + 60_000))));
      expect(unread!.n, username).toBeGreaterThanOrEqual(2);
    }
  });
});
