/**
 * The per-user API rate limit charged by what a GraphQL request costs. authenticateBearer
 * (lib/api/authenticate.ts) counts every request once, as REST does; a GraphQL operation costing
 * N units (./limits.ts) consumes ceil(N / costPerToken) tokens of the same per-minute window in all,
 * so the rest is added here before it runs. Over the limit → 429 RATE_LIMITED and nothing runs.
 * Cheap operations (≤ costPerToken) cost no extra round trip.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { getBookkeepingDb } from "@/db";
import { apiRateLimit } from "../api/authenticate";
import { RateLimitedError } from "../errors";
import { resultRows } from "../rate-limit";

/** Tokens an operation of this cost consumes in all (at least the one every request pays). */
export function tokensFor(cost: number, costPerToken: number): number {
  return Math.max(1, Math.ceil(cost / costPerToken));
}

/** Adds `extra` tokens to the user's current window; throws RateLimitedError when it is then over. */
export async function chargeExtra(userId: string, extra: number): Promise<void> {
  if (extra <= 0) return;
  const db = await getBookkeepingDb();
  const window = 60; // the window of authenticateBearer
  const result = await db.execute(sql`
    insert into rate_limits (key, count, window_start) values (${`api:user:${userId}`}, ${extra}, now())
    on conflict (key) do update set
      count = case when rate_limits.window_start <= now() - make_interval(secs => ${window}) then ${extra} else rate_limits.count + ${extra} end,
      window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${window}) then now() else rate_limits.window_start end
    returning count, greatest(0, ceil(extract(epoch from (window_start + make_interval(secs => ${window}) - now()))))::int as retry`);
  const row = resultRows<{ count: number; retry: number }>(result)[0]!;
  if (Number(row.count) > apiRateLimit()) {
    throw new RateLimitedError("Too many requests for what they cost (larger queries count more). Slow down and retry later.", Number(row.retry));
  }
}
