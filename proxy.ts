/**
 * Runs before every page (not the API, not static files):
 * - the Content-Security-Policy with a fresh nonce (lib/security-headers.ts; Next's documented way:
 *   the nonce goes to Next in the request's own CSP header, which makes every page render per
 *   request), and HSTS when APP_URL is https;
 * - optimistic redirects only: a visitor without a session cookie goes to /login. Never the
 *   permission check — requireActor() and lib/policy.ts decide on every request.
 *
 * Deliberately not Auth.js's `auth` wrapper: that re-issues the session cookie on every request,
 * including the response of the logout action, where it can win over the cookie's deletion.
 */
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, isHttpsDeployment, newNonce, NONCE_HEADER } from "./lib/security-headers";

const PUBLIC_PATHS = new Set(["/login", "/signup"]);
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (isHttpsDeployment()) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export default function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: isHttpsDeployment() });
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.has(pathname) || SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const headers = new Headers(request.headers);
    headers.set(NONCE_HEADER, nonce);
    headers.set("Content-Security-Policy", csp);
    return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp);
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return withSecurityHeaders(NextResponse.redirect(login), csp);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
