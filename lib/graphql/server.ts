/**
 * GraphQL at /api/graphql (graphql-yoga): the bearer token is checked before GraphQL sees the
 * request — an anonymous or rate-limited caller gets 401/429 and learns nothing about the schema —
 * then yoga parses, validates (depth and cost limits; no introspection without a caller) and runs
 * the resolvers, with the lib's errors mapped to `extensions.code` and everything else masked.
 */
import { NoSchemaIntrospectionCustomRule } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import { authenticateBearer, type ApiCaller } from "../api/authenticate";
import type { GraphQLContext } from "./context";
import { maskError, refusalResponse } from "./errors";
import { costLimitRule, DEFAULT_LIMITS, depthLimitRule } from "./limits";
import { buildSchema } from "./schema";

export const GRAPHQL_PATH = "/api/graphql";
/** Larger requests are refused before parsing: no sensible query comes near this. */
const MAX_BODY_BYTES = 64 * 1024;

type Limits = { maxDepth?: number; maxCost?: number };

/** The yoga server itself; callers must pass the authenticated caller as its server context. */
export function createGraphQLYoga(options: Limits = {}) {
  const depthLimit = depthLimitRule(options.maxDepth ?? DEFAULT_LIMITS.maxDepth);
  const costLimit = costLimitRule(options.maxCost ?? DEFAULT_LIMITS.maxCost);
  const limits: Plugin<GraphQLContext> = {
    onValidate({ addValidationRule, context }) {
      addValidationRule(depthLimit);
      addValidationRule(costLimit);
      if (!context.caller) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
  return createYoga<{ caller: ApiCaller | null }, GraphQLContext>({
    schema: buildSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: false,
    landingPage: false,
    // Errors are logged by maskError as summaries: yoga's own logging would print raw errors,
    // whose SQL parameters may hold personal data.
    logging: false,
    maskedErrors: { maskError },
    plugins: [limits],
  });
}

export function createGraphQLHandler(options: Limits = {}) {
  const yoga = createGraphQLYoga(options);
  return async function handleGraphQL(request: Request): Promise<Response> {
    let caller: ApiCaller;
    try {
      caller = await authenticateBearer(request.headers);
    } catch (error) {
      return refusalResponse(error);
    }
    if (request.method === "POST") {
      if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
      const text = await request.text();
      if (text.length > MAX_BODY_BYTES) return tooLarge();
      request = new Request(request.url, { method: "POST", headers: request.headers, body: text });
    }
    return yoga.handleRequest(request, { caller });
  };
}

function tooLarge(): Response {
  return new Response(JSON.stringify({ errors: [{ message: "The request is too large.", extensions: { code: "BAD_USER_INPUT" } }] }), {
    status: 413,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

let handler: ReturnType<typeof createGraphQLHandler> | undefined;

/** The one handler of the app (built on first use, so `next build` never builds the schema). */
export function handleGraphQL(request: Request): Promise<Response> {
  handler ??= createGraphQLHandler();
  return handler(request);
}
