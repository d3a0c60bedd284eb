/**
 * Saving how each notification category reaches the person (issue 11, "Preferences"): their own
 * rows only, upserted. Unknown categories and deliveries are refused, and so is changing a category
 * that is locked for the person's role (safety alerts for investigators). What changed is audited
 * as one event (entity `notification_preferences`, the person's id), old → new per category —
 * settings rows are not clinical records, so they are written beside the road, in its transaction.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { notificationPreferences, type NotificationCategory } from "@/db/schema";
import { DELIVERIES, NOTIFICATION_CATEGORIES } from "@/domain/vocabulary";
import type { Actor } from "../actor";
import type { Changes } from "../audit/writer";
import { ValidationError } from "../errors";
import { optionalField } from "../validation/fields";
import { parseFor, recordEvent, write } from "../write/road";
import { storedPreferences } from "./preference-settings";
import { DELIVERY_LABELS, effectiveDelivery, lockedDelivery } from "./preferences";

const delivery = optionalField(z.enum(DELIVERIES, { error: `Choose one of: ${DELIVERIES.join(", ")}.` }));

/** A delivery per category; a category left out keeps what it has. */
export const savePreferencesSchema = z
  .object(Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, delivery])) as Record<NotificationCategory, typeof delivery>)
  .strict();

export async function saveNotificationPreferences(actor: Actor, input: unknown): Promise<{ changed: NotificationCategory[] }> {
  const data = parseFor(actor, "preferences.manage", savePreferencesSchema, input);
  const refused: Record<string, string[]> = {};
  for (const category of NOTIFICATION_CATEGORIES) {
    const lock = lockedDelivery(actor.role, category);
    const wanted = data[category];
    if (lock && wanted && wanted !== lock.delivery) refused[category] = [`${lock.why} It stays at “${DELIVERY_LABELS[lock.delivery]}”.`];
  }
  if (Object.keys(refused).length > 0) throw new ValidationError("This setting cannot be changed.", refused);

  return write(actor, "preferences.manage", async (w) => {
    const chosen = await storedPreferences(actor, w.tx);
    const changes: Changes = {};
    const rows: (typeof notificationPreferences.$inferInsert)[] = [];
    for (const category of NOTIFICATION_CATEGORIES) {
      const wanted = data[category];
      if (!wanted || lockedDelivery(actor.role, category)) continue;
      const before = effectiveDelivery(actor.role, category, chosen.get(category));
      if (wanted === before) continue;
      rows.push({ userId: actor.id, category, delivery: wanted });
      changes[category] = [before, wanted];
    }
    if (rows.length === 0) return { changed: [] };
    await w.tx
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.category],
        set: { delivery: sql`excluded.delivery`, updatedAt: sql`now()` },
      });
    await recordEvent({ actor, siteId: actor.siteId, entity: "notification_preferences", entityId: actor.id, action: "update", changes }, w.tx);
    return { changed: Object.keys(changes) as NotificationCategory[] };
  });
}
