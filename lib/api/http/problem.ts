/**
 * Errors as RFC 9457 problem details (`application/problem+json`). The lib's typed errors map to a
 * status once here; anything unexpected is logged (without data) and answered with a plain 500
 * that says nothing about the server's insides. Every problem names its request's id (`requestId`,
 * the X-Request-Id header's value), so a support question finds the server's log lines.
 */
import { AppError, ConflictError, RateLimitedError, ValidationError, type FieldErrors } from "../../errors";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../../db-errors";
import { logError } from "../../log";
import { currentRequest } from "../../request-context";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The failing fields: a JSON pointer into the request body (or the query parameter's name). */
  errors?: { pointer: string; detail: string }[];
  /** For 409: the record as it is now, so the client can merge and retry. */
  current?: unknown;
  /** The request's id, as in the X-Request-Id response header and the server's log lines. */
  requestId?: string;
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  409: "Conflict",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

/** A request the API refuses before any lib function runs (bad JSON, an unknown query parameter). */
export class BadRequestError extends ValidationError {
  override readonly status: number;
  constructor(
    message: string,
    fieldErrors: FieldErrors = {},
    status = 400,
    /** Query-parameter problems name the parameter itself rather than a pointer into a body. */
    readonly location: "body" | "query" = "body",
  ) {
    super(message, fieldErrors);
    this.status = status;
  }
}

function pointers(fieldErrors: FieldErrors, where: "body" | "query"): Problem["errors"] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) =>
    messages.map((detail) => ({
      pointer: where === "query" ? field : field === "form" ? "#" : `#/${field.split(".").join("/")}`,
      detail,
    })),
  );
}

export function problemOf(error: unknown): { problem: Problem; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (isDatabaseUnavailable(error)) {
    // The database went away (restart, failover): the client may retry; the pool reconnects.
    logError("api request failed: database unavailable", error);
    headers["retry-after"] = String(DATABASE_RETRY_AFTER_SECONDS);
    return {
      problem: { type: "about:blank", title: TITLES[503]!, status: 503, detail: "The database cannot be reached right now. Please retry in a few seconds." },
      headers,
    };
  }
  if (!(error instanceof AppError)) {
    logError("api request failed", error);
    return {
      problem: { type: "about:blank", title: TITLES[500]!, status: 500, detail: "Something went wrong. Nothing was saved; please try again." },
      headers,
    };
  }
  const status = error.status;
  const problem: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail: error.message };
  if (error instanceof ValidationError && Object.keys(error.fieldErrors).length > 0) {
    problem.errors = pointers(error.fieldErrors, error instanceof BadRequestError ? error.location : "body");
  }
  if (error instanceof ConflictError && error.current !== undefined) problem.current = error.current;
  if (error instanceof RateLimitedError) headers["retry-after"] = String(Math.max(1, error.retryAfterSeconds));
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="trialdesk"';
  return { problem, headers };
}

export function problemResponse(error: unknown): Response {
  const { problem, headers } = problemOf(error);
  const requestId = currentRequest()?.requestId;
  if (requestId) problem.requestId = requestId;
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}
