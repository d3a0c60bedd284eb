/** Reads a user as an Actor: status, role, site and sponsor grants, fresh from the database. */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { getBookkeepingDb, getDb } from "@/db";
import { sites, users } from "@/db/schema";
import type { Actor } from "../actor";
import { resultRows } from "../rate-limit";
import { actorFromRow, ACTOR_COLUMNS, type ActorRow } from "./actor-row";
import { isId, sessionStands, TOUCH_SECONDS } from "./sessions";

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

/** A web request's person, with what their session knows. */
export type SessionActor = {
  actor: Actor;
  sessionId: string;
  /** This session has already e-signed: later signatures ask only for the password. */
  signed: boolean;
  /** An administrator reset the password: every page sends them to /settings/password first. */
  mustChangePassword: boolean;
};

type SessionRow = ActorRow & { must_change_password: boolean; signed: boolean };

/**
 * The one check of a web session (docs/architecture.md, "Sessions"): the session row must still
 * stand (not ended, within its absolute lifetime and idle timeout) and belong to this person; then
 * the person is read fresh, like loadActor. One round trip, which also notes the request for the
 * idle clock (at most every TOUCH_SECONDS). Null: signed out.
 */
export async function loadSessionActor(userId: string, sessionId: unknown): Promise<SessionActor | null> {
  if (!isId(userId) || !isId(sessionId)) return null;
  const db = await getBookkeepingDb();
  const result = await db.execute(sql`
    with live as (
      select s.id, s.user_id, s.signed_at, s.last_seen_at from user_sessions s
      where s.id = ${sessionId} and s.user_id = ${userId} and ${sessionStands()}
    ), touched as (
      update user_sessions set last_seen_at = now() from live
      where user_sessions.id = live.id and live.last_seen_at < now() - make_interval(secs => ${TOUCH_SECONDS})
      returning user_sessions.id
    )
    select ${ACTOR_COLUMNS}, u.must_change_password, (live.signed_at is not null) as signed
    from live join users u on u.id = live.user_id left join sites s on s.id = u.site_id`);
  const row = resultRows<SessionRow>(result)[0];
  if (!row) return null;
  return {
    sessionId,
    signed: Boolean(row.signed),
    mustChangePassword: Boolean(row.must_change_password),
    actor: actorFromRow(row),
  };
}
