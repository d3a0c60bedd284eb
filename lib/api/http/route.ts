/**
 * One API route, declared once: the router dispatches on it, and the OpenAPI document is generated
 * from the same declaration and the same zod schemas the server validates with — so the document
 * cannot drift from the server.
 */
import type { z } from "zod";
import type { Actor } from "../../actor";
import type { ApiCaller } from "../authenticate";

export type Method = "GET" | "POST" | "PATCH" | "DELETE";

export type RouteContext<Q, B> = {
  /** The signed-in caller; routes marked `public` get null. */
  actor: Actor;
  caller: ApiCaller;
  params: Record<string, string>;
  query: Q;
  /** The JSON body after the route's `body` schema (when it has one). */
  body: B;
  /** The JSON body as sent, for lib functions that validate it themselves. */
  rawBody: unknown;
  request: Request;
  clientAddress: string | null;
};

export type RouteResult = { status?: number; body?: unknown; headers?: Record<string, string> };

export type Route<Q = unknown, B = unknown> = {
  method: Method;
  /** OpenAPI-style template under /api/v1, e.g. `/subjects/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** Reachable without a token (sign-in, the OpenAPI document). */
  public?: boolean;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The body's cap in bytes, when not the JSON default (./body.ts): imports take larger files. */
  bodyLimit?: number;
  /** The success response: status and schema (null for an empty body). */
  success: { status: number; description: string; schema: z.ZodType | null };
  /** The error statuses this route can answer, for the document. */
  errors: number[];
  handle: (ctx: RouteContext<Q, B>) => Promise<RouteResult>;
};

/** Keeps each route's query and body types attached to its handler. */
export function route<Q = undefined, B = undefined>(definition: Route<Q, B>): Route {
  return definition as unknown as Route;
}
