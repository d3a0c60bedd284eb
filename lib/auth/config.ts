/**
 * The Auth.js configuration without the credential check: JWT sessions whose claims are only a
 * hint. The JWT carries the id of a server-side session (`sid`, lib/auth/sessions.ts), and the
 * real check — does that session still stand, who is this person now — is requireActor() on
 * every request. The cookie's own lifetime matches the session's absolute one; Auth.js re-issues
 * the cookie as it is used, but the session row's lifetime is counted from sign-in and never slides.
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
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.sid) session.sid = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
