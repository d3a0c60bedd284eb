/** What every resolver gets: the caller authenticated from the bearer token (as REST does). */
import type { Actor } from "../actor";
import type { ApiCaller } from "../api/authenticate";
import { UnauthenticatedError } from "../errors";

export type GraphQLContext = {
  /** Null only if the handler ever runs without authenticating; every resolver then refuses. */
  caller: ApiCaller | null;
  request: Request;
};

export function actorOf(context: GraphQLContext): Actor {
  if (!context.caller) throw new UnauthenticatedError("Send a valid token as `Authorization: Bearer <token>`.");
  return context.caller.actor;
}
