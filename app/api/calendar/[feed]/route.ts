/**
 * A person's calendar feed (lib/calendar): reached without a session — calendar clients send no
 * cookies — so proxy.ts lets /api/ through and the signed URL is the only credential.
 */
import { calendarFeedResponse } from "@/lib/calendar/endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ feed: string }> }): Promise<Response> {
  return calendarFeedResponse(request, (await params).feed);
}
