/** Auth.js (next-auth v5) with username + password credentials and JWT sessions. */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddressFrom } from "../client-address";
import { logError } from "../log";
import { isHttpsDeployment } from "../security-headers";
import { authConfig } from "./config";
import { authenticate, refusalMessage, type AuthResult } from "./credentials";
import { signedOut } from "./logout";
import { startSession } from "./sessions";

/** The request's client address, where Next has a request in scope (route handlers, server actions). */
async function requestAddress(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return clientAddressFrom(await headers());
  } catch {
    return null;
  }
}

/**
 * The error code travels to the login form, with the words to show (`refusalMessage`): the
 * server-side signIn() rethrows this very error.
 */
export class SignInRefused extends CredentialsSignin {
  readonly refusal: string;
  constructor(result: Extract<AuthResult, { ok: false }>) {
    super();
    this.code = result.reason;
    this.refusal = refusalMessage(result);
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // Served over https (APP_URL): cookies are `Secure` (and `__Secure-`/`__Host-` named).
  useSecureCookies: isHttpsDeployment(),
  // A refused sign-in is expected, audited elsewhere, and must not print a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logError("auth", error);
    },
    warn() {},
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { username: { label: "Username" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticate(credentials ?? {}, clientAddressFrom(request.headers));
        if (!result.ok) throw new SignInRefused(result);
        const { user } = result;
        // The server-side session this cookie will stand for (lib/auth/sessions.ts).
        const sid = await startSession(user.id, clientAddressFrom(request.headers));
        return { id: user.id, name: user.displayName, role: user.role, siteId: user.siteId, sid };
      },
    }),
  ],
  events: {
    // Every sign-out path — our logout button and Auth.js's own /api/auth/signout — passes here.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      await signedOut(token?.sid, await requestAddress());
    },
  },
});
