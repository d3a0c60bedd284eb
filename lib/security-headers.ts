/**
 * The browser-facing security headers that depend on the request or the deployment, built here and
 * set by proxy.ts (the static ones — nosniff, X-Frame-Options, Referrer-Policy, Permissions-Policy —
 * are in next.config.ts). docs/architecture.md, "Security headers".
 *
 * The Content-Security-Policy follows Next's documented nonce approach: a fresh nonce per request,
 * passed to Next in the request's own CSP header (Next reads the nonce from it and puts it on every
 * script it renders) and in `x-nonce`; 'strict-dynamic' lets those scripts load Next's chunks.
 * Nothing else runs: no inline script without the nonce, no eval, no plugin, no framing.
 */
export const NONCE_HEADER = "x-nonce";

export function isHttpsDeployment(env: Partial<Record<string, string>> = process.env): boolean {
  return (env.APP_URL?.trim() ?? "").toLowerCase().startsWith("https://");
}

/** 128 random bits, base64: unguessable and new for every page. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    // `next dev` evaluates modules for its fast refresh; a production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'${options.dev ? " 'unsafe-inline'" : ""}`,
    // Style attributes only (the bar charts' widths, components/sponsor/bar-table.tsx): an attribute
    // can set a width, never run a script or load a stylesheet.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The live stream (EventSource) and server actions: our own origin only.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Two years, subdomains included: once TrialDesk is served over https it never goes back. */
export const HSTS = "max-age=63072000; includeSubDomains";
