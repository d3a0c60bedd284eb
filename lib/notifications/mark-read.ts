/**
 * Marking one's own notifications read. This is the recipient's own state, not clinical data:
 * nothing else depends on it and nobody else sees it, so it is written with a plain UPDATE in the
 * write road's transaction (which asks the policy's `notification.manage` first) — not audited, and
 * with no version: two tabs marking the same item read cannot lose anything. It is idempotent: a
 * second mark keeps the first `readAt` (COALESCE), so "when did I first see this" stays true.
 */
import "server-only";
import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "@/db/schema";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { isUuid, optionalField } from "../validation/fields";
import { parseFor, write } from "../write/road";
import { NOT_FOUND } from "./queries";

// The id comes from a path or a form: anything not shaped like one is simply not found.
const markReadSchema = z.object({ id: z.string({ error: "Which notification?" }) }).strict();

/** Marks one of the actor's notifications read; someone else's, or a malformed id, is not found. */
export async function markNotificationRead(actor: Actor, input: unknown): Promise<{ id: string; readAt: Date }> {
  const { id } = parseFor(actor, "notification.manage", markReadSchema, input);
  if (!isUuid(id)) throw new NotFoundError(NOT_FOUND);
  return write(actor, "notification.manage", async (w) => {
    const [row] = await w.tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
      .returning({ id: notifications.id, readAt: notifications.readAt });
    if (!row) throw new NotFoundError(NOT_FOUND);
    // The person's other tabs recount their bell at once.
    w.announce({ type: "updated", entity: "notification", id: row.id, siteId: null, studyId: null, userId: actor.id });
    return { id: row.id, readAt: row.readAt! };
  });
}

export const markAllReadSchema = z
  .object({
    /**
     * Only those created up to this instant: what the person had in front of them. An alert that
     * arrives between showing the inbox and the click stays unread.
     */
    upTo: optionalField(z.iso.datetime({ offset: true, error: "Give an ISO 8601 instant, e.g. 2025-03-01T09:30:00Z." })).describe("Mark only notifications created at or before this instant (what the person saw); default: all."),
  })
  .strict();

/** Marks every unread notification of the actor's read (up to `upTo`, if given); answers how many. */
export async function markAllNotificationsRead(actor: Actor, input: unknown = {}): Promise<{ marked: number }> {
  const { upTo } = parseFor(actor, "notification.manage", markAllReadSchema, input);
  return write(actor, "notification.manage", async (w) => {
    const rows = await w.tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt), upTo ? lte(notifications.createdAt, new Date(upTo)) : undefined))
      .returning({ id: notifications.id });
    if (rows.length > 0) w.announce({ type: "updated", entity: "notification", id: rows[0]!.id, siteId: null, studyId: null, userId: actor.id });
    return { marked: rows.length };
  });
}
