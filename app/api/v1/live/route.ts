/**
 * Live updates over Server-Sent Events (lib/live). Its own route, so it takes precedence over the
 * REST catch-all beside it; documented in the OpenAPI document through lib/live/openapi.ts.
 */
import { liveSession } from "@/lib/auth/actor";
import { handleLive } from "@/lib/live/endpoint";
import { withRequestContext } from "@/lib/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return withRequestContext(request, () => handleLive(request, liveSession));
}
