/**
 * The one identity choke point. Every layout, page, server action and route handler reaches the
 * current user through here. The session cookie only says *which session*; whether that session
 * still stands (lib/auth/sessions.ts) and the person's status, role, site and sponsor grants are
 * re-read from the database on every request (loadSessionActor), so signing out, a password
 * change or reset, and disabling or moving a user take effect on their very next request.
 */
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Actor } from "../actor";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import { auth } from ".";
import { loadActor, loadSessionActor, type SessionActor } from "./load-actor";

export { loadActor };

export const PASSWORD_PAGE = "/settings/password";
export const MUST_CHANGE_PASSWORD = "An administrator reset your password. Choose a new one at Settings → Password before you continue.";

/**
 * The request's session, read once per request (React cache): its person, or null — and, when a
 * cookie named a session that no longer stands, why, for the sign-in page to say.
 */
const readSession = cache(async (): Promise<{ current: SessionActor | null; ended: "disabled" | "ended" | null }> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return { current: null, ended: null };
  const current = await loadSessionActor(id, session.sid);
  if (current) return { current, ended: null };
  // Rare (a session that ended): one more read, so a disabled person is told so.
  return { current: null, ended: (await loadActor(id))?.status === "disabled" ? "disabled" : "ended" };
});

/** The current session and its person. Null when signed out (or the session ended). */
export async function getSession(): Promise<SessionActor | null> {
  return (await readSession()).current;
}

/** The current actor. Null when signed out (or the session ended). */
export async function getActor(): Promise<Actor | null> {
  return (await getSession())?.actor ?? null;
}

/**
 * For pages and layouts: an active actor, or a redirect to where this person belongs. Someone
 * whose password an administrator reset goes to the password page first; that page (and the
 * layout around it) passes `{ passwordChange: true }`.
 */
export async function requireActor(options: { passwordChange?: boolean } = {}): Promise<Actor> {
  const { current, ended } = await readSession();
  if (!current) redirect(ended ? `/login?reason=${ended}` : "/login");
  const { actor } = current;
  if (actor.status === "pending") redirect("/pending");
  if (actor.status === "disabled") redirect("/login?reason=disabled");
  if (current.mustChangePassword && !options.passwordChange) redirect(PASSWORD_PAGE);
  return actor;
}

/** For server actions: the same check, as an error the action turns into a message. */
export async function requireActiveActor(): Promise<Actor> {
  const current = await getSession();
  if (!current || current.actor.status !== "active") throw new UnauthenticatedError();
  if (current.mustChangePassword) throw new ForbiddenError(MUST_CHANGE_PASSWORD);
  return current.actor;
}

/** For the password change itself: an active session, reset or not. */
export async function requireSessionForPasswordChange(): Promise<SessionActor> {
  const current = await getSession();
  if (!current || current.actor.status !== "active") throw new UnauthenticatedError();
  return current;
}

/** The current web session's id (for an e-signature's "continuous session"), null when signed out. */
export async function currentSessionId(): Promise<string | null> {
  return (await getSession())?.sessionId ?? null;
}

/** Whether the current session has e-signed already: its next signature asks only for the password. */
export async function sessionHasSignedAlready(): Promise<boolean> {
  return (await getSession())?.signed ?? false;
}

/**
 * For the live stream (a request that lasts): the person now, and a re-read through the same
 * session, so the stream ends once the session is signed out, expires or is revoked. Null while
 * signed out or while a password change is pending.
 */
export async function liveSession(): Promise<{ actor: Actor; reload: () => Promise<Actor | null> } | null> {
  const current = await getSession();
  if (!current || current.mustChangePassword) return null;
  const { actor, sessionId } = current;
  return {
    actor,
    reload: async () => {
      const again = await loadSessionActor(actor.id, sessionId);
      return again && !again.mustChangePassword ? again.actor : null;
    },
  };
}
