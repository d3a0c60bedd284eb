/**
 * Optimistic redirects only (signed-out visitors to /login). Never the permission check:
 * requireActor() and lib/policy.ts decide on every request.
 */
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

export default NextAuth(authConfig).auth;

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
