/**
 * The process's one pino logger and the rule for what an error may say, in plain JavaScript so that
 * both scripts/serve.mjs (before Next loads) and lib/log.ts (inside Next's bundles) use the same
 * instance and the same rules. Types: ./process-logger.d.mts. Why and what: lib/log.ts.
 */
import pino from "pino";

const CONTEXT_KEY = Symbol.for("trialdesk.request-context");
const LOGGER_KEY = Symbol.for("trialdesk.logger");
const SECRET_FIELDS = ["password", "token", "secret", "authorization", "cookie"];

function destination() {
  const file = process.env.LOG_FILE;
  const stdout = pino.destination({ dest: 1, sync: true });
  if (!file) return stdout;
  return pino.multistream([{ stream: stdout }, { stream: pino.destination({ dest: file, sync: true, append: true, mkdir: true }) }]);
}

function create() {
  const options = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { app: "trialdesk" },
    // Every line says which request it belongs to (none for background work: the scheduler, mail).
    mixin: () => {
      const requestId = globalThis[CONTEXT_KEY]?.getStore()?.requestId;
      return requestId ? { requestId } : {};
    },
    redact: { paths: SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: "[redacted]" },
  };
  return typeof window === "undefined" ? pino(options, destination()) : pino(options);
}

export function processLogger() {
  return (globalThis[LOGGER_KEY] ??= create());
}

/**
 * An error as one line that holds no data: drizzle's messages embed the query's parameters (a
 * password hash, a name, a token), so only the driver's own message, its SQLSTATE and constraint
 * are kept; never a stack.
 */
export function errorSummary(error) {
  if (!(error instanceof Error)) return textSummary(String(error));
  const cause = error.cause;
  if (cause instanceof Error) {
    const constraint = cause.constraint_name ?? cause.constraint;
    return `${cause.name}: ${textSummary(cause.message)}${cause.code ? ` [${cause.code}]` : ""}${constraint ? ` (${constraint})` : ""}`;
  }
  return `${error.name}: ${textSummary(error.message)}`;
}

/**
 * The first line of a message, short, without colours; "Failed query: …" (SQL and its parameters)
 * never, and no quoted text: messages quote their input (JSON.parse's `"aaaa"... is not valid JSON`
 * shows the body's first characters, which may be a password).
 */
export function textSummary(text) {
  const firstLine = (text.split("\n")[0] ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  if (/failed query|params:/i.test(firstLine)) return "database query failed";
  return firstLine.replace(/"[^"]*"?/g, '"…"').slice(0, 300);
}
