/**
 * Stand-ins for what Next and Auth.js hand a request, for tests that call pages and server actions
 * in process (the authorization matrix, the server-action fuzz). Only the entry is replaced:
 * `signedIn` names a real user and a real server-side session (lib/auth/sessions.ts), and everything
 * from auth() on — the session check, the policy, the write — is the app's own code.
 *
 *   vi.mock("@/lib/auth", async () => (await import("@/tests/in-process-request")).authStandIn());
 *   vi.mock("next/cache", async () => (await import("@/tests/in-process-request")).cacheStandIn);
 *   vi.mock("next/headers", async () => (await import("@/tests/in-process-request")).headersStandIn({ "user-agent": "matrix" }));
 */
export const signedIn: { id: string | null; sid: string | null } = { id: null, sid: null };

export async function authStandIn() {
  const { redirect } = await import("next/navigation");
  return {
    auth: async () => (signedIn.id ? { user: { id: signedIn.id }, sid: signedIn.sid, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
    signIn: async (_provider: string, options: { redirectTo?: string }) => redirect(options.redirectTo ?? "/"),
    signOut: async (options: { redirectTo?: string }) => redirect(options.redirectTo ?? "/login"),
    handlers: {},
    SignInRefused: class extends Error {},
  };
}

/** Next's cache calls do nothing outside a request; unstable_cache runs its function. */
export const cacheStandIn = { revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {}, unstable_cache: (fn: unknown) => fn };

export function headersStandIn(headers: Record<string, string>) {
  return {
    headers: async () => new Headers(headers),
    cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  };
}
