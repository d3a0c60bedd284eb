/**
 * The OpenAPI 3.1 document, generated from the route table and the very zod schemas the router
 * validates with (zod's own JSON Schema output: OpenAPI 3.1 schemas *are* JSON Schema 2020-12).
 * Resource schemas carry `.meta({ id })` and become components referenced by every operation.
 */
import { z } from "zod";
import { livePaths } from "../../live/openapi";
import type { Route } from "./route";
import { API_PREFIX } from "./router";

type Json = Record<string, unknown>;
const COMPONENT = "#/components/schemas/";

/** Schema with named parts turned into component references (zod emits them as local $defs). */
function toSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete json.$schema;
  delete json.$defs;
  return relink(json) as Json;
}

function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value && typeof value === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, COMPONENT) : relink(v);
    }
    return out;
  }
  return value;
}

/** The schema of a registered resource becomes a $ref; anything else is inlined. */
function schemaOrRef(schema: z.ZodType, io: "input" | "output"): Json {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `${COMPONENT}${id}` } : toSchema(schema, io);
}

const PROBLEM: Json = {
  type: "object",
  description: "RFC 9457 problem details.",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string", description: "What went wrong, in words a person can act on." },
    errors: {
      type: "array",
      description: "The failing fields: a JSON pointer into the body, or the query parameter's name.",
      items: {
        type: "object",
        properties: { pointer: { type: "string" }, detail: { type: "string" } },
        required: ["pointer", "detail"],
      },
    },
    current: { description: "For 409: the record as it is now." },
  },
  required: ["type", "title", "status", "detail"],
};

const ERROR_TEXT: Record<number, string> = {
  400: "The request is malformed (bad JSON, unknown or invalid query parameter).",
  401: "No valid token.",
  403: "The caller may not do this.",
  404: "No such record — or one of another site, which is the same thing.",
  405: "The endpoint does not take this method.",
  409: "Stale version: someone saved first. `current` holds the record as it is now.",
  413: "The body is too large.",
  415: "The body is not JSON.",
  422: "The input breaks a rule; `errors` lists the fields.",
  429: "Too many requests; see Retry-After.",
};

function operation(route: Route): Json {
  const parameters: Json[] = [];
  for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
    parameters.push({ name: name.slice(1, -1), in: "path", required: true, schema: { type: "string", format: "uuid" } });
  }
  if (route.query) {
    const query = toSchema(route.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: "query",
        required: query.required?.includes(name) ?? false,
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  const responses: Json = {
    [route.success.status]: {
      description: route.success.description,
      ...(route.success.schema ? { content: { "application/json": { schema: schemaOrRef(route.success.schema, "output") } } } : {}),
    },
  };
  for (const status of [...route.errors, 500]) {
    responses[status] = {
      description: ERROR_TEXT[status] ?? "Unexpected error; nothing was saved.",
      content: { "application/problem+json": { schema: { $ref: `${COMPONENT}Problem` } } },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOrRef(route.body, "input") } } } } : {}),
    responses,
  };
}

/** `extraPaths`: path items written out by hand for what the router does not serve (the SSE stream). */
export function openApiDocument(routes: Route[], extraPaths: Record<string, Json> = livePaths): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    (paths[`${API_PREFIX}${route.path}`] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  for (const [path, item] of Object.entries(extraPaths)) paths[path] = { ...paths[path], ...item };
  const registered = z.toJSONSchema(z.globalRegistry, {
    io: "output",
    unrepresentable: "any",
    uri: (id) => `${COMPONENT}${id}`,
  }) as { schemas: Record<string, Json> };
  const schemas: Record<string, Json> = { Problem: PROBLEM };
  for (const [id, schema] of Object.entries(registered.schemas)) {
    const { $schema, $id, ...rest } = schema;
    void $schema;
    void $id;
    schemas[id] = relink(rest) as Json;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "TrialDesk API",
      version: "1.0.0",
      description:
        "REST API of TrialDesk, the clinical-trial subject CRM. Same policy, validation and audit as the web app. " +
        "Send `Authorization: Bearer <token>` (from POST /api/v1/sessions or a personal token).",
    },
    servers: [{ url: "/" }],
    components: {
      schemas,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A session token or a personal API token." } },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
