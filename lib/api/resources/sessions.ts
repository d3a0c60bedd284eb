/** POST /sessions (sign in), DELETE /sessions/current (sign out), GET /users/me. */
import { z } from "zod";
import { ROLES, USER_STATUSES } from "@/domain/vocabulary";
import type { Actor } from "../../actor";
import { authenticate, MUST_CHANGE_PASSWORD_API, refusalMessage } from "../../auth/credentials";
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from "../../errors";
import { route } from "../http/route";
import { createSessionToken, revokeSessionToken } from "../tokens";
import { instant, uuid } from "./common";

export const Me = z
  .object({
    id: uuid,
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    status: z.enum(USER_STATUSES),
    siteId: uuid.nullable(),
    siteName: z.string().nullable(),
    siteTimezone: z.string().nullable(),
    sponsorStudyIds: z.array(uuid).describe("Sponsors: the studies granted to them."),
  })
  .meta({ id: "User" });

const SessionRequest = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1024) })
  .strict()
  .meta({ id: "SessionRequest" });

const Session = z
  .object({ token: z.string().describe("Send as `Authorization: Bearer <token>`; shown once."), expiresAt: instant, user: Me })
  .meta({ id: "Session" });

const me = (actor: Actor) => ({ ...actor, sponsorStudyIds: [...actor.sponsorStudyIds] });

export const sessionRoutes = [
  route({
    method: "POST",
    path: "/sessions",
    operationId: "createSession",
    summary: "Sign in: exchange a username and password for a token",
    tag: "Sessions",
    public: true,
    body: SessionRequest,
    success: { status: 201, description: "Signed in.", schema: Session },
    errors: [400, 401, 403, 415, 422, 429],
    handle: async ({ body, clientAddress }) => {
      // The same check, throttling and audit as the web sign-in form.
      const result = await authenticate(body, clientAddress);
      if (!result.ok) {
        if (result.reason === "rate_limited") {
          throw new RateLimitedError(refusalMessage(result), result.retryAfterSeconds);
        }
        throw new UnauthenticatedError(result.reason === "disabled" ? "This account is disabled." : "Wrong username or password.");
      }
      if (result.user.status !== "active") throw new UnauthenticatedError("This account is waiting for an administrator's approval.");
      // An admin's reset: the temporary password opens the password page only, never a token.
      if (result.user.mustChangePassword) throw new ForbiddenError(MUST_CHANGE_PASSWORD_API);
      const { loadActor } = await import("../../auth/load-actor");
      const actor = (await loadActor(result.user.id))!;
      const { token, expiresAt } = await createSessionToken(actor, clientAddress);
      return { status: 201, body: { token, expiresAt, user: me(actor) } };
    },
  }),
  route({
    method: "DELETE",
    path: "/sessions/current",
    operationId: "deleteSession",
    summary: "Sign out: the token stops working at once",
    tag: "Sessions",
    success: { status: 204, description: "Signed out.", schema: null },
    errors: [401, 429],
    handle: async ({ actor, caller, clientAddress }) => {
      await revokeSessionToken(actor, caller.tokenId, clientAddress);
      return { status: 204 };
    },
  }),
  route({
    method: "GET",
    path: "/users/me",
    operationId: "getMe",
    summary: "The signed-in user, with role, site and grants as of this request",
    tag: "Sessions",
    success: { status: 200, description: "The caller.", schema: Me },
    errors: [401, 429],
    handle: async ({ actor }) => ({ body: me(actor) }),
  }),
];
