/**
 * Bearer authentication for the API (REST, GraphQL, live events): the token → a fresh Actor, in
 * one round trip that also counts the request against the user's rate limit and notes when the
 * token was last used. Like requireActor() for the web app, the user's status, role, site and
 * sponsor grants are read from the database on every request — a token is never a cache of rights.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { getBookkeepingDb } from "@/db";
import type { Actor } from "../actor";
import { actorFromRow, ACTOR_COLUMNS, type ActorRow } from "../auth/actor-row";
import { MUST_CHANGE_PASSWORD_API } from "../auth/credentials";
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from "../errors";
import { resultRows } from "../rate-limit";
import { bearerToken, hashToken } from "./token-secret";
import { apiTokenMaxDays } from "./tokens";
import { positiveIntEnv } from "../env-number";

/** Requests per user per minute, across all their tokens and all app instances. */
export function apiRateLimit(): number {
  return positiveIntEnv("API_RATE_LIMIT_PER_MINUTE", 1200);
}

export type ApiCaller = { actor: Actor; tokenId: string; tokenKind: "session" | "personal" };

type Row = ActorRow & { token_id: string; token_kind: "session" | "personal"; must_change_password: boolean; count: number; retry: number };
export async function authenticateBearer(headers: Headers): Promise<ApiCaller> {
  const token = bearerToken(headers);
  if (!token) throw new UnauthenticatedError("Send a valid token as `Authorization: Bearer <token>`.");
  const db = await getBookkeepingDb();
  const window = 60;
  const result = await db.execute(sql`
    with tok as (
      select id, kind, user_id, last_used_at from api_tokens
      where token_hash = ${hashToken(token)} and revoked_at is null
        -- a token stored without an expiry (made before the limit) lives the longest a token may
        and coalesce(expires_at, created_at + make_interval(days => ${apiTokenMaxDays()})) > now()
    ), touched as (
      -- "last used" to the half-minute is enough for a person, and spares a write per request
      update api_tokens set last_used_at = now() from tok
      where api_tokens.id = tok.id and (tok.last_used_at is null or tok.last_used_at < now() - interval '30 seconds')
      returning api_tokens.id
    ), counted as (
      insert into rate_limits (key, count, window_start)
      select 'api:user:' || tok.user_id, 1, now() from tok
      on conflict (key) do update set
        count = case when rate_limits.window_start <= now() - make_interval(secs => ${window}) then 1 else rate_limits.count + 1 end,
        window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${window}) then now() else rate_limits.window_start end
      returning count, greatest(0, ceil(extract(epoch from (window_start + make_interval(secs => ${window}) - now()))))::int as retry
    )
    select tok.id as token_id, tok.kind as token_kind, ${ACTOR_COLUMNS}, u.must_change_password, counted.count, counted.retry
    from tok join users u on u.id = tok.user_id left join sites s on s.id = u.site_id cross join counted`);
  const row = resultRows<Row>(result)[0];
  if (!row) throw new UnauthenticatedError("This token is unknown, expired or revoked. Sign in again.");
  if (row.status !== "active") {
    throw new UnauthenticatedError(
      row.status === "pending" ? "This account is waiting for an administrator's approval." : "This account is disabled.",
    );
  }
  // An administrator's reset revokes the person's tokens; should one still stand (made by a path
  // that forgot to), it opens nothing until the person has chosen their own password, as on the web.
  if (row.must_change_password) throw new ForbiddenError(MUST_CHANGE_PASSWORD_API);
  if (Number(row.count) > apiRateLimit()) {
    throw new RateLimitedError("Too many requests. Slow down and retry later.", Number(row.retry));
  }
  return {
    tokenId: row.token_id,
    tokenKind: row.token_kind,
    actor: actorFromRow(row),
  };
}
