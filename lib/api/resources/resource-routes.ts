/**
 * A resource's REST routes from its declaration: the list (`GET {path}` with its filters, order,
 * cursor and includes), the single record (`GET {path}/{id}?include=`), any routes of its own, and
 * its commands, each answering with the record as `get` reads it. The list's words and both
 * operationIds follow from the resource's noun unless it names them ("adverse event": "A page of
 * adverse events.", `listAdverseEvents`, `getAdverseEvent`).
 */
import { z } from "zod";
import type { Actor } from "../../actor";
import { commandRoute, type Command, type CommandHome, type Reader } from "../http/command";
import { route, type Route } from "../http/route";
import { includeParam, type Page } from "../list";
import { listEnvelope } from "../openapi-shapes";
import { pascalCase, pluralOf } from "./names";

/** What a resource reads with (lib/api/resource-reader.ts): pages of rows, pages as JSON text, one record. */
export type ResourceReader = {
  list: (actor: Actor, query: never) => Promise<Page<unknown>>;
  listJson: (actor: Actor, query: never) => Promise<unknown>;
  get: Reader;
};

export type ResourceDeclaration = {
  home: CommandHome;
  /** The resource in the plural, for the list's words ("A page of adverse events."); by default the noun's. */
  plural?: string;
  /** The operationIds of the list and the single record; by default `list` + the plural, `get` + the noun. */
  operations?: { list: string; get: string };
  summaries?: { list?: string; get?: string };
  schema: z.ZodType;
  listQuery: z.ZodType;
  include: readonly string[];
  reader: ResourceReader;
  commands: Command[];
  /** Routes of the resource's own, between the reads and the commands (a subject's timeline). */
  extra?: Route[];
};

/** A declared resource, its names settled: REST's routes and GraphQL's fields are both made from it. */
export type Resource = ResourceDeclaration & { plural: string; operations: { list: string; get: string } };

export function resource(r: ResourceDeclaration): Resource {
  const plural = r.plural ?? pluralOf(r.home.noun);
  return { ...r, plural, operations: r.operations ?? { list: `list${pascalCase(plural)}`, get: `get${pascalCase(r.home.noun)}` } };
}

export function resourceRoutes(r: Resource): Route[] {
  const { tag, path, noun } = r.home;
  const { plural, operations } = r;
  return [
    route<unknown, undefined>({
      method: "GET",
      path,
      operationId: operations.list,
      summary: r.summaries?.list ?? `List ${plural}`,
      tag,
      query: r.listQuery,
      success: { status: 200, description: `A page of ${plural}.`, schema: listEnvelope(r.schema) },
      errors: [400, 401, 429],
      handle: async ({ actor, query }) => ({ body: await r.reader.listJson(actor, query as never) }),
    }),
    route({
      method: "GET",
      path: `${path}/{id}`,
      operationId: operations.get,
      summary: r.summaries?.get ?? `One ${noun}`,
      tag,
      query: z.object({ include: includeParam(r.include) }).strict(),
      success: { status: 200, description: `The ${noun}.`, schema: r.schema },
      errors: [400, 401, 404, 429],
      handle: async ({ actor, params, query }) => ({ body: await r.reader.get(actor, params.id!, query.include) }),
    }),
    ...(r.extra ?? []),
    ...r.commands.map((c) => commandRoute(c, { schema: r.schema, read: r.reader.get })),
  ];
}
