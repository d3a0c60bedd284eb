/**
 * GET /api/calendar/<feedId>.<sig>.ics — a calendar client's request, with no session: the URL is
 * the credential. Anything wrong — a malformed name, a signature not the server's, an unknown or
 * revoked feed, an account no longer active — is the same plain 404, so the answer tells a guesser
 * nothing. Kept apart from the Next route file so tests call it directly.
 */
import "server-only";
import { feedEvents, feedOwner } from "./feed-events";
import { verifiedFeedId } from "./feed-secret";
import { feedCalendar } from "./ics";
import { publicOrigin } from "./public-origin";

const PRIVATE = { "cache-control": "private, no-store", "x-robots-tag": "noindex", "referrer-policy": "no-referrer" };

export async function calendarFeedResponse(request: Request, fileName: string): Promise<Response> {
  const feedId = verifiedFeedId(fileName);
  const owner = feedId ? await feedOwner(feedId) : null;
  if (!owner) return new Response("Not found\n", { status: 404, headers: { ...PRIVATE, "content-type": "text/plain; charset=utf-8" } });
  const body = feedCalendar(owner, await feedEvents(owner), publicOrigin(request.headers));
  return new Response(body, {
    status: 200,
    headers: { ...PRIVATE, "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="trialdesk.ics"' },
  });
}
