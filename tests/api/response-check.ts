/**
 * Every success answer the API tests receive is checked against the schema its route documents
 * (the OpenAPI document is made from the same schemas): the values' types, and no field the
 * schema does not declare — so a column added to a query but not to the schema, or a schema that
 * promises a non-null a sponsor receives as null, fails the test that happened to read it.
 */
import { z } from "zod";
import { API_PREFIX, compileRoutes } from "@/lib/api/http/router";
import { apiRoutes } from "@/lib/api/routes";

const table = compileRoutes(apiRoutes);

/** The paths of fields in `value` that `schema` does not declare. */
function undeclared(schema: z.ZodType, value: unknown, at: string): string[] {
  if (value === null || value === undefined) return [];
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return undeclared(schema.unwrap() as z.ZodType, value, at);
  }
  if (schema instanceof z.ZodPipe) return undeclared(schema.out as z.ZodType, value, at);
  if (schema instanceof z.ZodArray && Array.isArray(value)) return value.flatMap((item, i) => undeclared(schema.element as z.ZodType, item, `${at}[${i}]`));
  if (schema instanceof z.ZodObject && typeof value === "object") {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.entries(value).flatMap(([key, field]) => (key in shape ? undeclared(shape[key]!, field, `${at}.${key}`) : [`${at}.${key}`]));
  }
  return [];
}

/** Throws when a JSON success answer does not match its route's documented schema. */
export async function checkResponse(request: Request, response: Response): Promise<void> {
  const path = new URL(request.url).pathname.slice(API_PREFIX.length);
  const route = table.find((entry) => entry.route.method === request.method && entry.pattern.test(path))?.route;
  const schema = route?.success.schema;
  if (!route || !schema || response.status !== route.success.status) return;
  if (!/json/.test(response.headers.get("content-type") ?? "")) return;
  const body = (await response.clone().json()) as unknown;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${route.operationId} answered outside its documented schema:\n${z.prettifyError(parsed.error)}`);
  const extra = undeclared(schema, body, "$");
  if (extra.length > 0) throw new Error(`${route.operationId} answered fields its schema does not declare: ${extra.join(", ")}`);
}
