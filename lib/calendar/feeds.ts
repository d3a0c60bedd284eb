/**
 * A person's calendar subscription (issue 11, "Calendar feed"): at most one live feed each. Making
 * one (or regenerating: the old URL stops working at once) and revoking are the person's own
 * settings — `preferences.manage` — written beside the road in its transaction and audited as events
 * (entity `calendar_feed`). Feeds carry a site's visits and tasks: for coordinators and investigators.
 */
import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { calendarFeeds, users } from "@/db/schema";
import type { Actor } from "../actor";
import { ForbiddenError } from "../errors";
import { authorize } from "../policy";
import { recordEvent, write } from "../write/road";

export type CalendarFeed = { id: string; createdAt: Date };

const SITE_ROLES: ReadonlySet<Actor["role"]> = new Set(["coordinator", "investigator"]);

/** Whether this person's calendar would hold anything: site staff with a site. */
export function mayHaveCalendar(actor: Actor): boolean {
  return SITE_ROLES.has(actor.role) && actor.siteId !== null;
}

const live = (actor: Actor) => and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt));

/** The person's live feed, if they have one. */
export async function currentFeed(actor: Actor): Promise<CalendarFeed | null> {
  authorize(actor, "preferences.manage");
  const db = await getDb();
  const [feed] = await db
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(live(actor))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return feed ?? null;
}

/** Revokes the person's live feeds in `tx` (locked first, so two tabs cannot leave two live feeds); their ids. */
async function revokeLive(tx: Tx, actor: Actor): Promise<string[]> {
  // The person's own row is the lock: a second regenerate waits for the first to commit.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for("no key update");
  const revoked = await tx.update(calendarFeeds).set({ revokedAt: sql`now()` }).where(live(actor)).returning({ id: calendarFeeds.id });
  return revoked.map((r) => r.id);
}

/** A new feed URL; any earlier one stops working in the same transaction. */
export async function regenerateFeed(actor: Actor): Promise<CalendarFeed> {
  authorize(actor, "preferences.manage");
  if (!mayHaveCalendar(actor)) throw new ForbiddenError("Calendar feeds hold a site's visits and tasks: they are for coordinators and investigators.");
  return write(actor, "preferences.manage", async (w) => {
    const revoked = await revokeLive(w.tx, actor);
    const [feed] = await w.tx.insert(calendarFeeds).values({ userId: actor.id }).returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
    await recordEvent(
      {
        actor,
        siteId: actor.siteId,
        entity: "calendar_feed",
        entityId: feed!.id,
        action: revoked.length > 0 ? "regenerate" : "create",
        changes: revoked.length > 0 ? { replaces: [revoked.join(","), null] } : {},
      },
      w.tx,
    );
    return feed!;
  });
}

/** Stops the person's feed URL working; answers whether there was one. */
export async function revokeFeed(actor: Actor): Promise<{ revoked: boolean }> {
  return write(actor, "preferences.manage", async (w) => {
    const revoked = await revokeLive(w.tx, actor);
    for (const id of revoked) {
      await recordEvent({ actor, siteId: actor.siteId, entity: "calendar_feed", entityId: id, action: "revoke", changes: {} }, w.tx);
    }
    return { revoked: revoked.length > 0 };
  });
}
