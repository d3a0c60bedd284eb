/**
 * The typed API client the tests use: openapi-fetch over the types generated from the OpenAPI
 * document (tests/api/openapi.d.ts), calling the very router behind /api/v1 in this process.
 */
import createClient from "openapi-fetch";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { dispatchApi } from "@/lib/api/routes";
import { createSessionToken } from "@/lib/api/tokens";
import type { paths } from "./openapi";
import { checkResponse } from "./response-check";

export type ApiPaths = paths;

export function apiClient(token?: string) {
  return createClient<paths>({
    baseUrl: "http://trialdesk.test",
    // Every answer is held to the schema its operation documents (./response-check).
    fetch: async (request: Request) => {
      const response = await dispatchApi(request.clone());
      await checkResponse(request, response);
      return response;
    },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** A session token for a fixture user, without the (slow, throttled) password check. */
export async function tokenFor(userId: string): Promise<string> {
  const db = await getDb();
  const [user] = await db.select({ id: users.id, username: users.username, siteId: users.siteId }).from(users).where(eq(users.id, userId));
  return (await createSessionToken(user!, null)).token;
}

/** A client signed in as the fixture user. */
export async function clientFor(userId: string) {
  return apiClient(await tokenFor(userId));
}

/** A raw call for what the typed client refuses to send (wrong types, unknown fields, bad JSON). */
export async function rawCall(method: string, path: string, options: { token?: string; body?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const response = await dispatchApi(new Request(`http://trialdesk.test/api/v1${path}`, { method, headers, body: options.body }));
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
