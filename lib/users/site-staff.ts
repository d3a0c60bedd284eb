/**
 * The people who do a site's clinical work: its active coordinators and investigators. Forms offer
 * them as "Completed by" / coordinator choices, and writes check a chosen person against the same rule.
 */
import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type DbOrTx } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "../actor";

const STAFF_ROLES = ["coordinator", "investigator"] as const;

export type SiteStaff = { id: string; displayName: string; role: "coordinator" | "investigator" };

const isStaffOf = (siteId: string | AnyPgColumn) =>
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

/**
 * The same rule as a column of another query — for a write that checks the chosen person in the
 * query that loads its record (one round trip fewer). `siteId` may be a column of that query.
 */
export function isActiveSiteStaffSql(userId: SQL | AnyPgColumn, siteId: string | AnyPgColumn): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${users} where ${and(eq(users.id, userId), isStaffOf(siteId))})`.mapWith(Boolean);
}
