/**
 * The one identity choke point. Every layout, page, server action and route handler reaches the
 * current user through here. The session only says *who*; status, role, site and sponsor grants
 * are re-read from the database on every request, so disabling or moving a user takes effect on
 * their very next request.
 */
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Actor } from "../actor";
import { UnauthenticatedError } from "../errors";
import { auth } from ".";
import { loadActor } from "./load-actor";

export { loadActor };

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
