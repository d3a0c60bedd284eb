/** Reads a user as an Actor: status, role, site and sponsor grants, fresh from the database. */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sites, users } from "@/db/schema";
import type { Actor } from "../actor";

export async function loadActor(userId: string): Promise<Actor | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      siteId: users.siteId,
      siteName: sites.name,
      siteTimezone: sites.timezone,
      sponsorStudyIds: sql<string[]>`coalesce((
        select array_agg(a.study_id::text) from study_sponsor_access a
        where a.user_id = ${users.id} and a.revoked_at is null), '{}'::text[])`,
    })
    .from(users)
    .leftJoin(sites, eq(sites.id, users.siteId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  return { ...row, sponsorStudyIds: row.role === "sponsor" ? row.sponsorStudyIds : [] };
}
