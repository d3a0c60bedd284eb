/**
 * GET /api/v1/live: who is asking (a Bearer token, like the rest of the API, or — so pages can use
 * EventSource, which cannot send headers — the web session), then their event stream (./stream.ts).
 * Kept apart from the Next route file so tests can call it without a Next request scope.
 */
import "server-only";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { authenticateBearer } from "@/lib/api/authenticate";
import { refuseBody } from "@/lib/api/http/body";
import { problemResponse } from "@/lib/api/http/problem";
import { loadActor } from "@/lib/auth/load-actor";
import { UnauthenticatedError } from "@/lib/errors";
import { liveResponse } from "./stream";

async function tokenStands(tokenId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`))))
    .limit(1);
  return Boolean(row);
}

/**
 * A web session's person and how to re-read them: through the session (lib/auth/actor.ts,
 * liveSession), so a stream ends at the next re-read once its session is signed out or revoked.
 */
export type LiveSession = { actor: Actor; reload: () => Promise<Actor | null> };

export async function handleLive(
  request: Request,
  sessionActor: () => Promise<Actor | LiveSession | null>,
  options: { heartbeatMs?: number } = {},
): Promise<Response> {
  try {
    // A GET takes no body: one sent anyway is refused unread (413), not buffered.
    await refuseBody(request);
    let actor: Actor | null;
    let reload: () => Promise<Actor | null>;
    if (request.headers.has("authorization")) {
      const caller = await authenticateBearer(request.headers);
      actor = caller.actor;
      // The account's own state first: a disabled person's tokens are revoked with the disable, and
      // "disabled" tells the client more than the "unauthenticated" a revoked token alone would.
      reload = async () => {
        const current = await loadActor(caller.actor.id);
        if (!current || current.status !== "active") return current;
        return (await tokenStands(caller.tokenId)) ? current : null;
      };
    } else {
      const session = await sessionActor();
      if (!session) throw new UnauthenticatedError("Sign in, or send `Authorization: Bearer <token>`.");
      if ("reload" in session) {
        actor = session.actor;
        reload = session.reload;
      } else {
        actor = session;
        const id = session.id;
        reload = () => loadActor(id);
      }
    }
    if (actor.status !== "active") {
      throw new UnauthenticatedError(actor.status === "pending" ? "This account is waiting for an administrator's approval." : "This account is disabled.");
    }
    const url = new URL(request.url);
    return await liveResponse({
      actor,
      reload,
      lastEventId: request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId"),
      signal: request.signal,
      heartbeatMs: options.heartbeatMs,
    });
  } catch (error) {
    return problemResponse(error);
  }
}
