/** Keeps only a same-site path from a callback URL: closes open redirects, and survives localhost vs 127.0.0.1. */
export function safePath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0) return fallback;
  try {
    const url = new URL(value, "http://internal.invalid");
    const path = `${url.pathname}${url.search}`;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/api/")) return fallback;
    if (path.startsWith("/login") || path.startsWith("/signup")) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
