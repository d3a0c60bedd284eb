/**
 * The resources GraphQL serves: REST's own declarations (lib/api/resources/<name>/routes.ts), so each
 * has the same output schema, the same list-query schema (filters, order, limit and cursor parse
 * identically), the same reader (one site-scoped query per page, embeds joined) and the same
 * commands — each a lib call — that both REST and the mutations run.
 */
import { z } from "zod";
import type { Actor } from "../actor";
import type { Command } from "../api/http/command";
import type { Page } from "../api/list";
import { adverseEventResource } from "../api/resources/adverse-events/routes";
import { notificationResource } from "../api/resources/notifications/routes";
import type { Resource as RestResource } from "../api/resources/resource-routes";
import { scheduleItemResource } from "../api/resources/schedule-items/routes";
import { screeningResource } from "../api/resources/screenings/routes";
import { siteResource } from "../api/resources/sites/routes";
import { studyResource } from "../api/resources/studies/routes";
import { subjectNoteResource } from "../api/resources/subject-notes/routes";
import { subjectResource } from "../api/resources/subjects/routes";
import { taskResource } from "../api/resources/tasks/routes";
import { personalTokenResource } from "../api/resources/tokens/routes";
import { userResource } from "../api/resources/users/routes";
import { visitResource } from "../api/resources/visits/routes";

export type Resource = {
  /** GraphQL type name. */
  type: string;
  /** Query field names: the list and the single fetch. */
  plural: string;
  singular: string;
  schema: z.ZodType;
  listQuery: z.ZodType;
  include: readonly string[];
  list: (actor: Actor, query: never) => Promise<Page<unknown>>;
  get: (actor: Actor, id: string, include?: ReadonlySet<string>) => Promise<unknown>;
  /** The write operations, as REST declares them; each mutation runs the command's lib call. */
  commands: Command[];
};

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** A REST resource as GraphQL names it: its type as its OpenAPI schema, its fields as its read operationIds ("listSubjectNotes" → `subjectNotes`). */
function fromRest(r: RestResource): Resource {
  const type = z.globalRegistry.get(r.schema)?.id;
  if (!type) throw new Error(`${r.operations.get}: the output schema has no id`);
  return {
    type,
    plural: lowerFirst(r.operations.list.replace(/^list/, "")),
    singular: lowerFirst(r.operations.get.replace(/^get/, "")),
    schema: r.schema,
    listQuery: r.listQuery,
    include: r.include,
    list: r.reader.list,
    get: r.reader.get,
    commands: r.commands,
  };
}

export const RESOURCES: Resource[] = [
  subjectResource,
  studyResource,
  screeningResource,
  visitResource,
  adverseEventResource,
  subjectNoteResource,
  scheduleItemResource,
  siteResource,
  userResource,
  personalTokenResource,
  notificationResource,
  taskResource,
].map(fromRest);
