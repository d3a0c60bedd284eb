/**
 * What the settings page shows for each notification category: its words, the delivery that
 * applies to this person now (their choice, else the default) and, for a locked category, the
 * delivery it is held at and why.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { notificationPreferences, type Delivery, type NotificationCategory } from "@/db/schema";
import type { Actor } from "../actor";
import { authorize } from "../policy";
import { CATEGORY_LABELS, categoriesFor, effectiveDelivery, lockedDelivery } from "./preferences";

export type PreferenceSetting = {
  category: NotificationCategory;
  label: string;
  hint: string;
  delivery: Delivery;
  /** Why it cannot be changed; null when the person chooses. */
  locked: string | null;
};

/** The actor's stored choices, by category (a category without one follows its default). */
export async function storedPreferences(actor: Actor, db: Pick<Awaited<ReturnType<typeof getDb>>, "select"> | null = null) {
  const handle = db ?? (await getDb());
  const rows = await handle
    .select({ category: notificationPreferences.category, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.id));
  return new Map(rows.map((r) => [r.category, r.delivery]));
}

export async function preferenceSettings(actor: Actor): Promise<PreferenceSetting[]> {
  authorize(actor, "preferences.manage");
  const chosen = await storedPreferences(actor);
  return categoriesFor(actor.role).map((category) => ({
    category,
    ...CATEGORY_LABELS[category],
    delivery: effectiveDelivery(actor.role, category, chosen.get(category)),
    locked: lockedDelivery(actor.role, category)?.why ?? null,
  }));
}
