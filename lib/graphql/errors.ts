/**
 * The lib's typed errors as GraphQL errors with `extensions.code`, mapped once here (like
 * lib/api/http/problem.ts does for REST). Anything unexpected is logged without data and masked:
 * a client never sees a stack trace, an SQL statement or a parameter.
 */
import { GraphQLError } from "graphql";
import { AppError, ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from "../errors";
import { logError } from "../log";
import { currentRequest } from "../request-context";

export const UNEXPECTED_MESSAGE = "Something went wrong. Nothing was saved; please try again.";

type Located = { nodes?: GraphQLError["nodes"]; path?: GraphQLError["path"] };

/** The GraphQL error for one of the lib's errors (`where` keeps its place in the query). */
export function graphQLErrorOf(error: AppError, where: Located = {}): GraphQLError {
  const extensions: Record<string, unknown> = {};
  if (error instanceof ValidationError) {
    extensions.code = "BAD_USER_INPUT";
    if (Object.keys(error.fieldErrors).length > 0) extensions.fieldErrors = error.fieldErrors;
  } else if (error instanceof NotFoundError) extensions.code = "NOT_FOUND";
  else if (error instanceof ForbiddenError) extensions.code = "FORBIDDEN";
  else if (error instanceof ConflictError) {
    extensions.code = "CONFLICT";
    if (error.current !== undefined) extensions.current = error.current;
  } else if (error instanceof UnauthenticatedError) {
    extensions.code = "UNAUTHENTICATED";
    extensions.http = { status: 401, headers: { "www-authenticate": 'Bearer realm="trialdesk"' } };
  } else if (error instanceof RateLimitedError) {
    extensions.code = "RATE_LIMITED";
    extensions.retryAfterSeconds = Math.max(1, error.retryAfterSeconds);
    extensions.http = { status: 429, headers: { "retry-after": String(Math.max(1, error.retryAfterSeconds)) } };
  } else extensions.code = "ERROR";
  return new GraphQLError(error.message, { nodes: where.nodes, path: where.path, extensions });
}

/** yoga's `maskedErrors.maskError`: typed errors keep their meaning, the rest is masked. */
export function maskError(error: unknown): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const where = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
  if (original instanceof AppError) return graphQLErrorOf(original, where);
  if (error instanceof GraphQLError && (original === undefined || original instanceof GraphQLError)) {
    // Parse and validation errors, and variables of the wrong type: the request itself is wrong.
    if (!error.extensions.code && /^Variable "\$/.test(error.message)) {
      return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code: "BAD_USER_INPUT" } });
    }
    return error;
  }
  logError("graphql request failed", original ?? error);
  // The request's id, as problem+json answers carry it: what a caller quotes to find the log lines.
  const requestId = currentRequest()?.requestId;
  return new GraphQLError(UNEXPECTED_MESSAGE, { nodes: where.nodes, path: where.path, extensions: { code: "INTERNAL_SERVER_ERROR", ...(requestId ? { requestId } : {}) } });
}

/** A whole response for a request refused before GraphQL runs (no or a bad token, rate limited). */
export function refusalResponse(error: unknown): Response {
  const graphQLError = error instanceof AppError ? graphQLErrorOf(error) : (maskError(error) as GraphQLError);
  const { http: rawHttp, ...extensions } = graphQLError.extensions;
  const http = (rawHttp ?? {}) as { status?: number; headers?: Record<string, string> };
  return new Response(JSON.stringify({ errors: [{ message: graphQLError.message, extensions }] }), {
    status: http.status ?? 500,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...http.headers },
  });
}
