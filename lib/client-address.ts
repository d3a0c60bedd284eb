/**
 * The client's address, for throttling and the audit trail.
 *
 * TRUST_PROXY_HOPS says how many proxies of ours stand in front of the app:
 * - 0 (the default): nobody; the address is the TCP peer of the connection, which scripts/serve.mjs
 *   records in the request context. X-Forwarded-For and X-Real-IP are ignored, because a client
 *   that talks to the app directly writes them itself. Next gives route code no socket address
 *   (it copies it into X-Forwarded-For only when that header is absent), hence the server script.
 * - n: each of our proxies appends the address it was contacted from, so the n-th entry from the
 *   right of X-Forwarded-For was written by our outermost proxy — the first one a client cannot
 *   choose. With fewer entries than n, the leftmost (Express's `trust proxy` rule).
 * Outside the server script (a unit test, `next dev`) there is no peer: hops 0 answers null, which
 * the throttles treat as one shared unknown address.
 */
import { isIP } from "node:net";
import { currentRequest } from "./request-context";

const MAX_HOPS = 10;

export function trustedProxyHops(env: Partial<Record<string, string>> = process.env): number {
  const raw = env.TRUST_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_HOPS) {
    throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to ${MAX_HOPS} (the proxies in front of the app).`);
  }
  return hops;
}

/** "::ffff:10.0.0.1" is 10.0.0.1; what is not an IP address (a proxy's garbage) is unknown. */
function normalise(address: string): string | null {
  const trimmed = address.trim();
  const v4 = trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
  return isIP(v4) ? v4 : null;
}

export function clientAddressFrom(headers: Headers, hops = trustedProxyHops()): string | null {
  if (hops === 0) {
    const peer = currentRequest()?.peer;
    return peer ? normalise(peer) : null;
  }
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  if (entries.length === 0) {
    // Reached the app without passing our proxies (a health check from inside): the peer itself.
    const peer = currentRequest()?.peer;
    return peer ? normalise(peer) : null;
  }
  return normalise(entries[Math.max(0, entries.length - hops)]!);
}
