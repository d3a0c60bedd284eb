/** For tests: a GraphQL request through the very handler behind /api/graphql, in this process. */
import { handleGraphQL } from "./server";

export type GraphQLErrorBody = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> & { code?: string } };

export async function gql<D = Record<string, unknown>>(
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
  handler: (request: Request) => Promise<Response> = handleGraphQL,
) {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await handler(new Request("http://trialdesk.test/api/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) }));
  const body = (await response.json()) as { data?: D | null; errors?: GraphQLErrorBody[] };
  return { status: response.status, headers: response.headers, data: body.data ?? null, errors: body.errors ?? [], codes: (body.errors ?? []).map((e) => e.extensions?.code) };
}
