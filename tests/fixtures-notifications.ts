/**
 * Inbox items written straight into the database, as a rule would leave them (the rules themselves
 * are not under test here): one per call, each with its own cause, created at `createdAt`.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications, type Notification } from "@/db/schema";

export async function insertNotification(userId: string, values: Partial<typeof notifications.$inferInsert> = {}): Promise<Notification> {
  const db = await getDb();
  const entityId = values.entityId ?? randomUUID();
  const [row] = await db
    .insert(notifications)
    .values({
      userId,
      category: "safety",
      rule: "sae.reported",
      title: "Serious adverse event reported: A-01",
      body: "Site A. Assess it within 24 hours.",
      entity: "adverse_event",
      entityId,
      link: `/adverse-events/${entityId}`,
      causeKey: `test:${randomUUID()}`,
      ...values,
    })
    .returning();
  return row!;
}

/** A person's notifications as stored: id → readAt. */
export async function readStates(userId: string): Promise<Map<string, Date | null>> {
  const db = await getDb();
  const rows = await db.select({ id: notifications.id, readAt: notifications.readAt }).from(notifications).where(eq(notifications.userId, userId));
  return new Map(rows.map((r) => [r.id, r.readAt]));
}
