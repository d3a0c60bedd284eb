/**
 * Bookkeeping rows that only grow: web sessions (lib/auth/sessions.ts) and the fixed-window
 * counters (lib/rate-limit.ts). Neither is clinical data nor evidence — every sign-in, sign-out,
 * lockout and signature is in the audit trail — so rows past their use are deleted, by the
 * scheduler's tick at most once an hour (lib/rules/scheduler.ts).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { SESSION_HOURS } from "./auth/sessions";
import { resultRows } from "./rate-limit";

/** An ended session stays this long after its last possible moment, for anyone looking into it. */
export const SESSION_KEEP_DAYS = 30;
/** The longest counter window is an hour (sign-ups, paging); a day-old window counts nothing. */
const COUNTER_KEEP_HOURS = 24;

export async function pruneBookkeeping(db: DbOrTx): Promise<{ sessions: number; counters: number }> {
  // Every session is over SESSION_HOURS after it began (the absolute lifetime), ended or not.
  const sessions = resultRows(
    await db.execute(sql`
      delete from user_sessions
      where created_at < now() - make_interval(hours => ${SESSION_HOURS}, days => ${SESSION_KEEP_DAYS})
      returning id`),
  ).length;
  const counters = resultRows(
    await db.execute(sql`delete from rate_limits where window_start < now() - make_interval(hours => ${COUNTER_KEEP_HOURS}) returning key`),
  ).length;
  return { sessions, counters };
}
