/**
 * For the API tests of the administration writes and personal tokens: JSON calls over REST, the
 * same command as a GraphQL mutation (named after REST's operationId), and the check that no
 * password, hash or token secret reaches an answer.
 */
import { expect } from "vitest";
import { gql } from "@/lib/graphql/test-client";
import { rawCall } from "./client";

/** A call as a client sends it; `body` as JSON. */
export const send = (method: "GET" | "POST" | "PATCH", path: string, token: string, body?: unknown) =>
  rawCall(method, path, { token, body: body === undefined ? undefined : JSON.stringify(body) });

/** The statuses of several calls, to compare with a list (`[403, 403, …]`). */
export const statuses = async (calls: Promise<{ status: number }>[]) => (await Promise.all(calls)).map((c) => c.status);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The GraphQL mutation of REST's `operationId`, selecting `fields`; `answer` is its result. */
export async function mutate(token: string, operationId: string, args: { id?: string; input?: unknown }, fields: readonly string[] = ["id"]) {
  const declare = [args.id !== undefined && "$id: ID!", args.input !== undefined && `$input: ${capitalize(operationId)}Input!`].filter(Boolean);
  const pass = [args.id !== undefined && "id: $id", args.input !== undefined && "input: $input"].filter(Boolean);
  const signature = declare.length > 0 ? `(${declare.join(", ")})` : "";
  const call = pass.length > 0 ? `(${pass.join(", ")})` : "";
  const result = await gql<Record<string, Record<string, unknown>>>(token, `mutation${signature} { ${operationId}${call} { ${fields.join(" ")} } }`, args);
  return { ...result, answer: result.data?.[operationId] };
}

/**
 * Fails if a password, its hash or a token secret appears anywhere in `value`: the given secrets,
 * any argon2 hash, and any password or token hash field holding a value (a field error about the
 * password, or an audit row's `[redacted]`, may name the field).
 */
export function expectNoSecret(value: unknown, ...secrets: string[]) {
  const text = JSON.stringify(value);
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/\$argon2|"(password|confirmPassword|tokenHash)":"/);
}
