/**
 * What the HTTP server knows about the request being served, for code that only sees a Request or
 * nothing at all: its id (logs, problem+json, the X-Request-Id header) and the socket's peer address
 * (lib/client-address.ts). scripts/serve.mjs opens the context around Next's handler, so it covers
 * pages, server actions, route handlers and Auth.js alike; Next gives route code no socket address
 * of its own (it copies it into X-Forwarded-For only when the client sent none).
 *
 * The store lives on globalThis under a registered symbol: the server script and each of Next's
 * bundles load their own copy of this module, and they must share one AsyncLocalStorage.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type RequestContext = {
  /** A short token: the caller's safe X-Request-Id or one we made up. */
  requestId: string;
  /** The TCP peer of the connection (never a header); null outside the server script. */
  peer: string | null;
  /**
   * Set when this request's render failed because the database could not be reached
   * (instrumentation.ts, onRequestError): the server script then answers 503 with Retry-After
   * instead of Next's 500, since a page render cannot choose its own status.
   */
  databaseUnavailable?: boolean;
};

const KEY = Symbol.for("trialdesk.request-context");
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());
}

export function currentRequest(): RequestContext | undefined {
  return storage().getStore();
}

export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage().run(context, fn);
}

/** A caller's id is kept only when it is a short token of safe characters (it lands in logs). */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Runs a handler in the request's context: the server script's when there is one, else (a handler
 * called from a test or a benchmark) a new one with the request's own safe X-Request-Id and no peer.
 */
export function withRequestContext<T>(request: Request, fn: () => T): T {
  if (currentRequest()) return fn();
  return runInRequestContext({ requestId: requestIdFrom(request.headers.get("x-request-id")), peer: null }, fn);
}
