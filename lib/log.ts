/**
 * The server's one logger: JSON lines (pino) on stdout — and into LOG_FILE as well when it is set,
 * so a run's log can be searched afterwards — each line carrying the id of the request it belongs
 * to (lib/request-context.ts; the X-Request-Id header and problem+json's `requestId` show the same
 * id). scripts/serve.mjs creates the logger before Next starts and sends Next's own console output
 * through it too; nothing in server code writes to the console.
 *
 * What may be logged: never a request's body, query parameters, headers, a password, a token or
 * anything about a person. Errors go through errorSummary (./log/process-logger.mjs): drizzle's
 * messages embed the query's parameters, so only the driver's message, SQLSTATE and constraint are
 * kept, and never a stack. Fields named like secrets are censored besides, as a second line of
 * defence.
 *
 * Client components import lib/action-state.ts, which imports this module, so it must load in a
 * browser bundle too: pino ships a browser build, and the request context is read through its
 * global holder rather than by importing node:async_hooks.
 */
import type { Logger } from "pino";
import { errorSummary, processLogger } from "./log/process-logger.mjs";

export { errorSummary };

export const log: Logger = processLogger();

/** An unexpected error, summarised (see above). `context` is a fixed phrase saying where. */
export function logError(context: string, error: unknown): void {
  log.error({ context, error: errorSummary(error) }, context);
}
