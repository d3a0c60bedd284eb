/**
 * The daily digest: at 07:00 in their site's zone (UTC for people without a site), everyone who
 * chose a digest for some category gets one email listing that category's notifications not yet
 * sent in a digest. Once per person and day (a rule firing key), whichever instance gets there.
 */
import "server-only";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { notificationPreferences, notifications, ruleFirings, sites, users, type NotificationCategory } from "@/db/schema";
import { composeDigest } from "../mail/compose";
import { queueEmails } from "../mail/outbox";
import { effectiveDelivery } from "../notifications/preferences";
import { writeAsSystem } from "../write/road";
import { atSiteTime, siteDate } from "./site-time";

/** A digest lists at most this many; the inbox has the rest. */
const MAX_ITEMS = 50;

export async function sendDigests(now: Date): Promise<number> {
  const db = await getDb();
  const people = await db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      timeZone: sites.timezone,
      categories: sql<NotificationCategory[]>`array_agg(${notificationPreferences.category}::text)`,
    })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .leftJoin(sites, eq(sites.id, users.siteId))
    .where(and(eq(notificationPreferences.delivery, "digest"), eq(users.status, "active")))
    .groupBy(users.id, users.role, users.email, sites.timezone);
  let sent = 0;
  for (const person of people) {
    const zone = person.timeZone ?? "UTC";
    const day = siteDate(now, zone);
    const at = atSiteTime(day, "07:00", zone);
    const categories = person.categories.filter((c) => effectiveDelivery(person.role, c, "digest") === "digest");
    if (now < at || categories.length === 0) continue;
    const key = `digest:${person.id}:${day}`;
    const done = await writeAsSystem(null, async (w) => {
      const [taken] = await w.tx.insert(ruleFirings).values({ key, rule: "digest" }).onConflictDoNothing().returning({ key: ruleFirings.key });
      if (!taken) return false;
      const items = await w.tx
        .select({ id: notifications.id, title: notifications.title, body: notifications.body, link: notifications.link })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, person.id),
            inArray(notifications.category, categories),
            isNull(notifications.digestedAt),
            lte(notifications.createdAt, now),
          ),
        )
        .orderBy(asc(notifications.createdAt))
        .limit(MAX_ITEMS);
      if (items.length === 0) return false;
      await w.tx.update(notifications).set({ digestedAt: now }).where(inArray(notifications.id, items.map((i) => i.id)));
      await queueEmails(w.tx, [{ userId: person.id, to: person.email, causeKey: key, mail: composeDigest(items, day) }]);
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
