/**
 * Web sessions kept on the server (issue 12, finding 4). The Auth.js cookie only names a row of
 * `user_sessions` (the JWT's `sid`); that row decides whether the session still stands, so a
 * sign-out, a password change or reset, or an admin's change of status, role or site ends it at
 * once, whatever cookie a browser still holds. A session lasts at most SESSION_HOURS from sign-in
 * (never slid forward) and ends after SESSION_IDLE_MINUTES without a request.
 *
 * Who ends what: signing out ends its own session (endSession, from Auth.js's signOut event, so
 * our logout button and /api/auth/signout alike); a trigger on `users` (drizzle/0006) ends every
 * session of a person whose password, status, role or site changes, by whatever path — except the
 * session that changes its own password (keepSessionInTransaction).
 */
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { resultRows } from "../rate-limit";
import { positiveIntEnv } from "../env-number";

/** The absolute lifetime: a session started at 08:00 ends at 20:00 however busy it was. */
export const SESSION_HOURS = 12;

/** The idle timeout in minutes (SESSION_IDLE_MINUTES, default 30). */
export function sessionIdleMinutes(env: NodeJS.ProcessEnv = process.env): number {
  return positiveIntEnv("SESSION_IDLE_MINUTES", 30, env);
}

/** "Last seen" is written at most this often: the idle clock needs minutes, not every request. */
export const TOUCH_SECONDS = 30;

export const isId = (value: unknown): value is string => typeof value === "string" && /^[0-9a-f-]{36}$/i.test(value);

/** Opens a session for a person who just gave the right password; its id goes into the JWT. */
export async function startSession(userId: string, clientAddress: string | null): Promise<string> {
  const db = await getDb();
  const [row] = resultRows<{ id: string }>(
    await db.execute(sql`insert into user_sessions (user_id, client_address) values (${userId}, ${clientAddress}) returning id`),
  );
  return row!.id;
}

/**
 * The SQL condition "this session still stands", for `user_sessions s`: not ended, younger than
 * the absolute lifetime, seen within the idle timeout.
 */
export function sessionStands() {
  return sql`s.ended_at is null
    and s.created_at > now() - make_interval(hours => ${SESSION_HOURS})
    and s.last_seen_at > now() - make_interval(secs => ${sessionIdleMinutes() * 60})`;
}

/**
 * Ends one session (sign-out). Returns its person when it was still standing, null when it had
 * already ended or expired — so one sign-out is audited once, whichever path it came by.
 */
export async function endSession(sessionId: unknown, reason: string): Promise<{ userId: string } | null> {
  if (!isId(sessionId)) return null;
  const db = await getDb();
  const result = await db.execute(sql`
    update user_sessions s set ended_at = now(), end_reason = ${reason}
    where s.id = ${sessionId} and ${sessionStands()}
    returning s.user_id`);
  const row = resultRows<{ user_id: string }>(result)[0];
  return row ? { userId: row.user_id } : null;
}

/**
 * In a transaction that changes the person's password (or anything else the trigger watches):
 * this one session stays, every other session of theirs ends. The setting is transaction-local.
 */
export async function keepSessionInTransaction(tx: DbOrTx, sessionId: string | null): Promise<void> {
  if (sessionId && isId(sessionId)) await tx.execute(sql`select set_config('trialdesk.keep_session', ${sessionId}, true)`);
}

/** Notes that this session has signed (its later signatures need only the password). */
export async function markSessionSigned(tx: DbOrTx, sessionId: string): Promise<void> {
  await tx.execute(sql`update user_sessions set signed_at = coalesce(signed_at, now()) where id = ${sessionId}`);
}

/** Whether this (standing) session of the person has already signed. */
export async function sessionHasSigned(tx: DbOrTx, sessionId: string, userId: string): Promise<boolean> {
  if (!isId(sessionId)) return false;
  const result = await tx.execute(sql`
    select 1 from user_sessions s
    where s.id = ${sessionId} and s.user_id = ${userId} and s.signed_at is not null and ${sessionStands()}`);
  return resultRows(result).length > 0;
}
