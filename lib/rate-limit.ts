/**
 * Fixed-window counters kept in the database, so every app instance shares them (a limit held in
 * one process's memory would let an attacker spread attempts across instances).
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";

export type Limit = { max: number; windowSeconds: number };
export type Count = { count: number; retryAfterSeconds: number };

function rows<T>(result: unknown): T[] {
  // postgres.js returns an array; PGlite returns { rows }.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Adds `amount` (one unless said: records an API page handed over are counted too) to `key`'s
 * window, starting a new window when the old one has passed.
 */
export async function hit(db: DbOrTx, key: string, limit: Limit, amount = 1): Promise<Count> {
  const result = await db.execute(sql`
    insert into rate_limits (key, count, window_start) values (${key}, ${amount}::int, now())
    on conflict (key) do update set
      count = case when rate_limits.window_start <= now() - make_interval(secs => ${limit.windowSeconds})
                   then ${amount}::int else rate_limits.count + ${amount}::int end,
      window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${limit.windowSeconds})
                   then now() else rate_limits.window_start end
    returning count,
      greatest(0, ceil(extract(epoch from (window_start + make_interval(secs => ${limit.windowSeconds}) - now()))))::int as retry`);
  const row = rows<{ count: number; retry: number }>(result)[0]!;
  return { count: Number(row.count), retryAfterSeconds: Number(row.retry) };
}

/** The current window's count without adding to it (0 when the window has passed). */
export async function peek(db: DbOrTx, key: string, limit: Limit): Promise<Count> {
  const result = await db.execute(sql`
    select count,
      greatest(0, ceil(extract(epoch from (window_start + make_interval(secs => ${limit.windowSeconds}) - now()))))::int as retry
    from rate_limits
    where key = ${key} and window_start > now() - make_interval(secs => ${limit.windowSeconds})`);
  const row = rows<{ count: number; retry: number }>(result)[0];
  return row ? { count: Number(row.count), retryAfterSeconds: Number(row.retry) } : { count: 0, retryAfterSeconds: 0 };
}

/**
 * Gives back one unit of `key`'s current window (an attempt that turned out not to count: a
 * successful sign-in, or one refused by another counter). Never below zero, never a past window.
 */
export async function refund(db: DbOrTx, key: string, limit: Limit): Promise<void> {
  await db.execute(sql`
    update rate_limits set count = greatest(0, count - 1)
    where key = ${key} and window_start > now() - make_interval(secs => ${limit.windowSeconds})`);
}

export async function reset(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

export { rows as resultRows };
