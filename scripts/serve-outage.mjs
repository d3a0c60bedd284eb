/**
 * A page whose render found the database unreachable is a 503 with Retry-After, like the API's
 * answer, not Next's 500: the outage is temporary, and a load balancer or a browser should retry.
 * instrumentation.ts (`onRequestError`) marks the request's context; this turns that response's
 * 500 head into 503 as Next writes it — the App Router gives a failed render no say over its status.
 * Used by scripts/serve.mjs for every request; tested in scripts/serve-outage.test.ts.
 */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Wraps `res.writeHead` so a 500 written while `context.databaseUnavailable` is set goes out as 503. */
export function answerOutagesAs503(res, context) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    if (status === 500 && context.databaseUnavailable) {
      this.setHeader("Retry-After", String(OUTAGE_RETRY_AFTER_SECONDS));
      // (status, [statusMessage], [headers]): Next's "Internal Server Error" message must not stay.
      return writeHead.call(this, 503, ...rest.filter((arg) => typeof arg !== "string"));
    }
    return writeHead.call(this, status, ...rest);
  };
}
