/**
 * GraphQL at /api/graphql (graphql-yoga): the bearer token is checked before GraphQL sees the
 * request — an anonymous or rate-limited caller gets 401/429 and learns nothing about the schema —
 * then yoga parses, validates (depth, cost, alias and field limits; no introspection without a
 * caller), charges the rate limit by the operation's cost (./rate-cost.ts) and runs the resolvers,
 * with the lib's errors mapped to `extensions.code` and everything else masked.
 */
import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import { authenticateBearer, type ApiCaller } from "../api/authenticate";
import { JSON_BODY_LIMIT, readTextCapped, refuseBody } from "../api/http/body";
import { problemResponse } from "../api/http/problem";
import { withRequestContext } from "../request-context";
import type { GraphQLContext } from "./context";
import { AppError } from "../errors";
import { graphQLErrorOf, maskError, refusalResponse } from "./errors";
import { aliasLimitRule, costLimitRule, DEFAULT_LIMITS, depthLimitRule, fieldLimitRule, MAX_NESTING, nestingDepth, operationCost } from "./limits";
import { chargeExtra, tokensFor } from "./rate-cost";
import { buildSchema } from "./schema";

export const GRAPHQL_PATH = "/api/graphql";

type Limits = { maxDepth?: number; maxCost?: number; maxAliases?: number; maxFields?: number; costPerToken?: number };

/** The yoga server itself; callers must pass the authenticated caller as its server context. */
export function createGraphQLYoga(options: Limits = {}) {
  const depthLimit = depthLimitRule(options.maxDepth ?? DEFAULT_LIMITS.maxDepth);
  const costLimit = costLimitRule(options.maxCost ?? DEFAULT_LIMITS.maxCost);
  const aliasLimit = aliasLimitRule(options.maxAliases ?? DEFAULT_LIMITS.maxAliases);
  const fieldLimit = fieldLimitRule(options.maxFields ?? DEFAULT_LIMITS.maxFields);
  const costPerToken = options.costPerToken ?? DEFAULT_LIMITS.costPerToken;
  const limits: Plugin<GraphQLContext> = {
    // Before the parser recurses into it: a query nested thousands deep would overflow the stack.
    onParse({ params }) {
      const text = typeof params.source === "string" ? params.source : params.source.body;
      if (nestingDepth(text) > MAX_NESTING) {
        throw new GraphQLError(`This query nests deeper than ${MAX_NESTING} levels of brackets.`, { extensions: { code: "BAD_USER_INPUT" } });
      }
    },
    onValidate({ addValidationRule, context }) {
      addValidationRule(depthLimit);
      addValidationRule(costLimit);
      addValidationRule(aliasLimit);
      addValidationRule(fieldLimit);
      if (!context.caller) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
    // The token check counted this request once; a costly operation pays the rest before it runs.
    async onExecute({ args, setResultAndStopExecution }) {
      const caller = args.contextValue.caller;
      if (!caller) return;
      const extra = tokensFor(operationCost(args.schema, args.document, args.operationName), costPerToken) - 1;
      try {
        await chargeExtra(caller.actor.id, extra);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        setResultAndStopExecution({ data: null, errors: [graphQLErrorOf(error)] });
      }
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
  return (request: Request): Promise<Response> => withRequestContext(request, () => handle(request));

  async function handle(request: Request): Promise<Response> {
    let caller: ApiCaller;
    try {
      caller = await authenticateBearer(request.headers);
    } catch (error) {
      return refusalResponse(error);
    }
    // The body is read here, capped (../api/http/body.ts), before yoga parses anything; a GET
    // carries its query in the URL and gets no body.
    try {
      if (request.method === "POST") {
        const body = await readTextCapped(request, JSON_BODY_LIMIT);
        request = new Request(request.url, { method: "POST", headers: request.headers, body });
      } else {
        await refuseBody(request);
      }
    } catch (error) {
      return problemResponse(error);
    }
    return yoga.handleRequest(request, { caller });
  }
}

let handler: ReturnType<typeof createGraphQLHandler> | undefined;

/** The one handler of the app (built on first use, so `next build` never builds the schema). */
export function handleGraphQL(request: Request): Promise<Response> {
  handler ??= createGraphQLHandler();
  return handler(request);
}
