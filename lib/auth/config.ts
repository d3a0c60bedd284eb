/**
 * The Auth.js configuration without the credential check: JWT sessions whose claims are only a
 * hint; the real check is requireActor() on every request.
 */
import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
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
