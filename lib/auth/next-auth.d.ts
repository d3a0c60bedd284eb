import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    role?: string;
    siteId?: string | null;
    /** The server-side session (user_sessions.id) this cookie stands for. */
    sid?: string;
  }
}

declare module "next-auth" {
  interface Session {
    /** The server-side session; lib/auth/actor.ts checks it on every request. */
    sid?: string;
  }
}
