/**
 * The page half of "requests during an outage get 503 with Retry-After" (issue 12, Faults), in
 * `npm test`: instrumentation.ts's onRequestError marks the request's context when the error is the
 * database being unreachable, and scripts/serve-outage.mjs (as scripts/serve.mjs uses it) turns the
 * 500 head Next then writes into 503 with Retry-After. Through a real HTTP server and socket; the
 * whole road under a real outage is `npm run test:faults`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onRequestError } from "@/instrumentation";
import { runInRequestContext, type RequestContext } from "@/lib/request-context";
// @ts-expect-error -- a plain .mjs script without types
import { answerOutagesAs503, OUTAGE_RETRY_AFTER_SECONDS } from "./serve-outage.mjs";

const ERRORS: Record<string, Error> = {
  "/outage": Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
  "/bug": new Error("Cannot read properties of undefined"),
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  // What serve.mjs does around Next's handler, with a stand-in for a page whose render threw:
  // Next reports the error (onRequestError), then writes its error page with a 500 head.
  server = http.createServer((req, res) => {
    const context: RequestContext = { requestId: "req-outage-test", peer: null };
    answerOutagesAs503(res, context);
    runInRequestContext(context, () => {
      const error = ERRORS[req.url ?? ""];
      if (!error) {
        res.writeHead(200, { "content-type": "text/html" }).end("<p>fine</p>");
        return;
      }
      onRequestError(error);
      res.writeHead(500, "Internal Server Error", { "content-type": "text/html; charset=utf-8" }).end("<h1>Something went wrong</h1>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a page the database outage caught", () => {
  it("answers 503 with Retry-After instead of Next's 500", async () => {
    const response = await fetch(`${base}/outage`);
    expect(response.status).toBe(503);
    expect(response.statusText).toBe("Service Unavailable");
    expect(response.headers.get("retry-after")).toBe(String(OUTAGE_RETRY_AFTER_SECONDS));
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("leaves any other failure a 500 without Retry-After, and a good page alone", async () => {
    const bug = await fetch(`${base}/bug`);
    expect(bug.status).toBe(500);
    expect(bug.headers.get("retry-after")).toBeNull();
    const fine = await fetch(`${base}/fine`);
    expect(fine.status).toBe(200);
  });
});
