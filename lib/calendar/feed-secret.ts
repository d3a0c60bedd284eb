/**
 * A calendar feed's secret URL: `/api/calendar/<feedId>.<sig>.ics`, where sig is
 * HMAC-SHA256(AUTH_SECRET, purpose + feedId) in base64url. Nothing secret is stored (the feed row
 * holds only its id, its owner and whether it was revoked), so a database dump reveals no working
 * URL; rotating AUTH_SECRET invalidates every feed URL (people regenerate theirs). The signature is
 * checked before the database is asked, in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Keeps this HMAC apart from anything else keyed with the same secret. */
const PURPOSE = "trialdesk/calendar-feed/v1:";
const FILE_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})\.ics$/;

function serverSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: calendar feed URLs cannot be signed.");
  return secret;
}

function signature(feedId: string): Buffer {
  return createHmac("sha256", serverSecret()).update(PURPOSE + feedId).digest();
}

/** `<feedId>.<sig>.ics` — the last segment of the feed's URL. */
export function feedFileName(feedId: string): string {
  return `${feedId}.${signature(feedId).toString("base64url")}.ics`;
}

export function feedPath(feedId: string): string {
  return `/api/calendar/${feedFileName(feedId)}`;
}

/** The feed id a URL segment names, if its signature is the server's; null for anything else. */
export function verifiedFeedId(fileName: string): string | null {
  const match = FILE_NAME.exec(fileName);
  if (!match) return null;
  const [, feedId, sig] = match;
  const given = Buffer.from(sig!, "base64url");
  const expected = signature(feedId!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? feedId! : null;
}
