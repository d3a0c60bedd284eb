/**
 * The GET handler of every CSV export route (app/(app)/<list>/export/route.ts): the signed-in actor,
 * the URL's parameters, and one export function from lib/export/*. A refusal is a short plain-text
 * answer the browser shows in place of the download (these routes serve the web app's "Export CSV"
 * links, not the API); 429 carries Retry-After.
 */
import "server-only";
import type { Actor } from "../actor";
import { getActor } from "../auth/actor";
import { AppError, RateLimitedError } from "../errors";
import type { SearchParams } from "../list/params";

export type ExportHandler = (actor: Actor, params: SearchParams) => Promise<Response>;

export function exportRoute(handler: ExportHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    const actor = await getActor();
    if (!actor) return new Response("Please sign in.", { status: 401 });
    try {
      return await handler(actor, Object.fromEntries(new URL(request.url).searchParams));
    } catch (error) {
      if (error instanceof AppError) return exportRefusal(error);
      throw error;
    }
  };
}

/** The answer for a refused export: its status and message, and the wait when it is a rate limit. */
export function exportRefusal(error: AppError): Response {
  const headers: Record<string, string> = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (error instanceof RateLimitedError) headers["Retry-After"] = String(Math.max(1, error.retryAfterSeconds));
  return new Response(error.message, { status: error.status, headers });
}
