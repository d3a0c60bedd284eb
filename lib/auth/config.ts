/**
 * The part of the Auth.js configuration that proxy.ts may load: no database, no argon2.
 * It only decides optimistic redirects; the real check is requireActor() on every request.
 */
import type { NextAuthConfig } from "next-auth";

const PUBLIC_PATHS = ["/login", "/signup"];

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (pathname.startsWith("/api/")) return true; // APIs answer 401 themselves
      if (PUBLIC_PATHS.some((p) => pathname === p)) return true;
      return !!auth?.user;
    },
    jwt({ token, user }) {
      // Claims are frozen at sign-in: hints for the UI only; requireActor() re-reads the truth.
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: string }).role;
        token.siteId = (user as { siteId?: string | null }).siteId ?? null;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
