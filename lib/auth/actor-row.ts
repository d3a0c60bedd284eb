/**
 * The person as the one-round-trip checks read them in raw SQL: the web session check
 * (lib/auth/load-actor.ts) and the API token check (lib/api/authenticate.ts) each join their own
 * session or token to `users u left join sites s`, and select these columns the same way.
 */
import { sql } from "drizzle-orm";
import type { Actor } from "../actor";

/** The person's columns, for `… from <session or token> join users u … left join sites s on s.id = u.site_id`. */
export const ACTOR_COLUMNS = sql.raw(`u.id, u.username, u.display_name, u.role, u.status, u.site_id,
      s.name as site_name, s.timezone as site_timezone,
      case when u.role = 'sponsor' then coalesce((
        select array_agg(a.study_id::text) from study_sponsor_access a
        where a.user_id = u.id and a.revoked_at is null), '{}'::text[]) else '{}'::text[] end as sponsor_study_ids`);

export type ActorRow = {
  id: string;
  username: string;
  display_name: string;
  role: Actor["role"];
  status: Actor["status"];
  site_id: string | null;
  site_name: string | null;
  site_timezone: string | null;
  sponsor_study_ids: string[] | null;
};

export function actorFromRow(row: ActorRow): Actor {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    siteId: row.site_id,
    siteName: row.site_name,
    siteTimezone: row.site_timezone,
    sponsorStudyIds: row.sponsor_study_ids ?? [],
  };
}
