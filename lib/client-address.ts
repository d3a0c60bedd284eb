/**
 * The client's address, for throttling and the audit trail. Behind a load balancer the nearest
 * proxy appends the real peer to X-Forwarded-For, so the last entry is the one a client cannot
 * forge; without a proxy Next.js sets the header itself.
 */
export function clientAddressFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded.split(",").map((p) => p.trim()).filter(Boolean);
    const last = parts.at(-1);
    if (last) return last.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? null;
}
