/**
 * The people who do a site's clinical work: its active coordinators and investigators. Forms offer
 * them as "Completed by" / coordinator choices, and writes check a chosen person against the same rule.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "../actor";

const STAFF_ROLES = ["coordinator", "investigator"] as const;

export type SiteStaff = { id: string; displayName: string; role: "coordinator" | "investigator" };

const isStaffOf = (siteId: string) =>
  and(eq(users.siteId, siteId), eq(users.status, "active"), inArray(users.role, [...STAFF_ROLES]));

/** The actor's own site's staff, by name (empty for actors without a site). */
export async function listSiteStaff(actor: Actor): Promise<SiteStaff[]> {
  if (actor.status !== "active" || !actor.siteId) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(isStaffOf(actor.siteId))
    .orderBy(asc(users.displayName));
  return rows as SiteStaff[];
}

/** Whether `userId` is an active coordinator or investigator of `siteId`. */
export async function isActiveSiteStaff(tx: DbOrTx, siteId: string, userId: string): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isStaffOf(siteId))).limit(1);
  return Boolean(row);
}
