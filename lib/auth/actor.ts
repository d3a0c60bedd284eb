/**
 * The one identity choke point. Every layout, page, server action and route handler reaches the
 * current user through here. The session only says *who*; status, role, site and sponsor grants
 * are re-read from the database on every request, so disabling or moving a user takes effect on
 * their very next request.
 */
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sites, users } from "@/db/schema";
import type { Actor } from "../actor";
import { UnauthenticatedError } from "../errors";
import { auth } from ".";

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

/** The current actor, read once per request (React cache). Null when signed out. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return loadActor(id);
});

/** For pages and layouts: an active actor, or a redirect to where this person belongs. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.status === "pending") redirect("/pending");
  if (actor.status === "disabled") redirect("/login?reason=disabled");
  return actor;
}

/** For server actions: the same check, as an error the action turns into a message. */
export async function requireActiveActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor || actor.status !== "active") throw new UnauthenticatedError();
  return actor;
}
