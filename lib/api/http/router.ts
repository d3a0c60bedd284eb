/**
 * The REST dispatcher: match the route, authenticate the bearer token, parse the query and the
 * JSON body, call the handler, and answer JSON — or problem+json for every refusal. It takes a
 * standard Request and returns a standard Response, so the Next route handler, the tests and the
 * benchmarks all run exactly this code.
 */
import { parseOrThrow } from "../../action-state";
import { clientAddressFrom } from "../../client-address";
import { withRequestContext } from "../../request-context";
import { fieldErrorsOf } from "../../action-state";
import { NotFoundError } from "../../errors";
import { authenticateBearer, type ApiCaller } from "../authenticate";
import { JsonPage } from "../json-select";
import { JSON_BODY_LIMIT, readTextCapped } from "./body";
import { BadRequestError, problemResponse } from "./problem";
import type { Method, Route, RouteResult } from "./route";

export const API_PREFIX = "/api/v1";

type Compiled = { route: Route; pattern: RegExp; names: string[] };

export function compileRoutes(routes: Route[]): Compiled[] {
  return routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { route, pattern: new RegExp(`^${source}/?$`), names };
  });
}

function match(table: Compiled[], method: string, path: string) {
  let pathMatched = false;
  for (const entry of table) {
    const m = entry.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (entry.route.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [i, name] of entry.names.entries()) {
      // A malformed escape (`%E0%A4%A`, `%FF`) names no record: 404, not the URIError's 500.
      try {
        params[name] = decodeURIComponent(m[i + 1]!);
      } catch {
        throw new NotFoundError("There is no such record.");
      }
    }
    return { entry, params };
  }
  return pathMatched ? "method" : null;
}

async function readJson(request: Request, limit: number): Promise<unknown> {
  const text = await readTextCapped(request, limit);
  if (text.trim() === "") return {};
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(type)) {
    throw new BadRequestError("Send the body as JSON (Content-Type: application/json).", {}, 415);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError("The request body is not valid JSON.");
  }
}

function parseQuery(route: Route, url: URL): unknown {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in raw) throw new BadRequestError(`Give \`${key}\` once.`, { [key]: ["Repeated parameter."] }, 400, "query");
    raw[key] = value;
  }
  if (!route.query) {
    const extra = Object.keys(raw);
    if (extra.length > 0) throw new BadRequestError("This endpoint takes no query parameters.", Object.fromEntries(extra.map((k) => [k, ["Unknown parameter."]])), 400, "query");
    return undefined;
  }
  const result = route.query.safeParse(raw);
  if (!result.success) throw new BadRequestError("Please correct the query parameters.", fieldErrorsOf(result.error), 400, "query");
  return result.data;
}

function respond(result: RouteResult): Response {
  const status = result.status ?? 200;
  if (result.body === undefined) return new Response(null, { status, headers: { "cache-control": "no-store", ...result.headers } });
  return new Response(result.body instanceof JsonPage ? result.body.toString() : JSON.stringify(result.body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...result.headers },
  });
}

export function createRouter(routes: Route[]) {
  const table = compileRoutes(routes);
  return (request: Request): Promise<Response> => withRequestContext(request, () => dispatch(request));

  async function dispatch(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url);
      const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || "/" : url.pathname;
      const found = match(table, request.method, path);
      if (found === null) throw new NotFoundError("There is no such endpoint.");
      if (found === "method") throw new BadRequestError(`This endpoint does not take ${request.method}.`, {}, 405);
      const { entry, params } = found;
      const route = entry.route;
      const caller: ApiCaller | null = route.public ? null : await authenticateBearer(request.headers);
      const query = parseQuery(route, url);
      const rawBody = (["POST", "PATCH"] as Method[]).includes(route.method) ? await readJson(request, route.bodyLimit ?? JSON_BODY_LIMIT) : undefined;
      const body = route.body ? parseOrThrow(route.body, rawBody) : rawBody;
      const result = await route.handle({
        actor: caller?.actor as never,
        caller: caller as never,
        params,
        query,
        body,
        rawBody,
        request,
        clientAddress: clientAddressFrom(request.headers),
      });
      return respond(result);
    } catch (error) {
      // The client went away mid-request (its body never finished): nobody to answer, nothing to log.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      return problemResponse(error);
    }
  }
}
