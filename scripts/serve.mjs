#!/usr/bin/env node
/**
 * The production HTTP server: Next's own request handler behind a plain Node server, so that every
 * request — page, server action, route handler, Auth.js — runs inside a request context
 * (lib/request-context.ts) holding
 * - the TCP peer's address, which Next does not pass to route code (it copies it into
 *   X-Forwarded-For only when the client sent none, so that header alone can be forged), and
 * - a request id (the caller's X-Request-Id when it is a short safe token, else a new UUID), sent
 *   back as X-Request-Id and written on every log line and problem+json answer.
 * It also logs one JSON line per request (method, path without its query, status, time), sends
 * Next's own console output through the same logger as summaries without stacks (lib/log.ts), and
 * caps the bodies of page POSTs (server actions) before Next reads a byte (below).
 * Run by scripts/start.mjs (`npm start`) with the build already made; PORT picks the port.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { format } from "node:util";
import next from "next";
import { errorSummary, processLogger, textSummary } from "../lib/log/process-logger.mjs";
import { answerOutagesAs503 } from "./serve-outage.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT ?? 3000);
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/**
 * Server actions' cap: the same 1 MiB as `serverActions.bodySizeLimit` in next.config.ts and
 * JSON_BODY_LIMIT in lib/api/http/body.ts (a test holds the three equal). Next enforces its own
 * while reading but answers 500; here a page POST must declare its length (browsers always do) and
 * one past the cap is a 413 problem+json before a byte is read. The API reads its own (capped).
 */
const PAGE_BODY_LIMIT = 1024 * 1024;

// The same holder lib/request-context.ts uses (one AsyncLocalStorage for every bundle).
const KEY = Symbol.for("trialdesk.request-context");
globalThis[KEY] ??= new AsyncLocalStorage();
const storage = globalThis[KEY];
const log = processLogger();

// Next (and anything else) printing to the console: a summary line through the logger, never a stack.
const summary = (args) => args.map((a) => (a instanceof Error ? errorSummary(a) : textSummary(typeof a === "string" ? a : format(a)))).join(" ").trim();
console.error = (...args) => log.error({ source: "console" }, summary(args));
console.warn = (...args) => log.warn({ source: "console" }, summary(args));
console.log = (...args) => log.info({ source: "console" }, summary(args));
console.info = console.log;

/** "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
function peerOf(socket) {
  const address = socket.remoteAddress ?? null;
  return address?.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * The path as it may be logged: never the query string (a search term, a name) and never a calendar
 * feed's name, which is its credential (app/api/calendar/[feed]).
 */
function loggedPath(url) {
  const pathOnly = (url ?? "/").split("?", 1)[0].slice(0, 200);
  return pathOnly.replace(/^\/api\/calendar\/[^/]+/, "/api/calendar/[feed]");
}

function refuse(res, requestId, status, detail) {
  // The body is never read: close the connection rather than drain what the client still sends.
  res.writeHead(status, { "content-type": "application/problem+json", "cache-control": "no-store", connection: "close" });
  res.end(JSON.stringify({ type: "about:blank", title: status === 413 ? "Content too large" : "Length required", status, detail, requestId }));
}

/** Page POSTs (server actions, form posts) must say how long they are, and be at most the cap. */
function pageBodyRefusal(req) {
  if (req.method === "GET" || req.method === "HEAD" || req.url?.startsWith("/api/")) return null;
  const declared = req.headers["content-length"];
  if (declared === undefined) {
    return req.headers["transfer-encoding"] ? [411, "Send the form with a Content-Length."] : null;
  }
  return Number(declared) > PAGE_BODY_LIMIT ? [413, `The request body is too large (at most ${PAGE_BODY_LIMIT} bytes).`] : null;
}

// lib/client-address.ts reads TRUST_PROXY_HOPS per request; a wrong value fails here, at start,
// rather than as a 500 on every sign-in.
const hops = process.env.TRUST_PROXY_HOPS?.trim();
if (hops && !/^(?:[0-9]|10)$/.test(hops)) {
  log.fatal({ TRUST_PROXY_HOPS: hops }, "TRUST_PROXY_HOPS must be a whole number from 0 to 10 (the proxies in front of the app).");
  process.exit(1);
}

const app = next({ dev: false, dir: root, hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  const started = performance.now();
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && SAFE_ID.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  const context = { requestId, peer: peerOf(req.socket) };
  answerOutagesAs503(res, context);
  storage.run(context, () => {
    res.on("finish", () => {
      log.info({ method: req.method, path: loggedPath(req.url), status: res.statusCode, ms: Math.round(performance.now() - started) }, "request");
    });
    const refusal = pageBodyRefusal(req);
    if (refusal) return refuse(res, requestId, ...refusal);
    return handle(req, res);
  });
});
server.listen(port, () => log.info({ port }, `Ready on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    server.close();
    void app.close?.();
    process.exit(0);
  });
}
