/**
 * The GraphQL schema, generated from the REST resources (lib/graphql/resources.ts): per resource a
 * connection query with REST's filters, order and cursor, a single fetch, and the create/update
 * mutations REST offers — all through the same functions, so policy, validation, versions, audit
 * and notifications are the ones the web app and REST use.
 */
import {
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLResolveInfo,
} from "graphql";
import type { z } from "zod";
import { fieldErrorsOf, parseOrThrow } from "../action-state";
import type { Actor } from "../actor";
import { clientAddressFrom } from "../client-address";
import { ValidationError } from "../errors";
import { runCommand, savedId } from "../api/http/command";
import { EmbeddedStudy, EmbeddedSubject, EmbeddedUser } from "../api/resources/common";
import { Me } from "../api/resources/sessions";
import { actorOf, type GraphQLContext } from "./context";
import { RESOURCES, type Resource } from "./resources";
import { includeFrom } from "./selection";
import { TypeFactory } from "./types";

type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Arguments through the REST list-query schema: same defaults, same limits, same messages. */
function parseArguments<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError("Please correct the arguments.", fieldErrorsOf(result.error));
  return result.data;
}

function resourceFields(resource: Resource, types: TypeFactory, query: Fields, mutation: Fields) {
  const type = types.output(resource.type, resource.schema);
  const connection = new GraphQLObjectType<unknown, GraphQLContext>({
    name: `${resource.type}Connection`,
    description: `A page of ${resource.plural}, as REST's \`{ data, nextCursor }\`.`,
    fields: {
      data: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type))) },
      nextCursor: { type: GraphQLString, description: "Pass as `cursor` for the next page; null on the last page." },
    },
  });
  const { args, toQuery } = types.listArgs(`${resource.type}List`, resource.listQuery);
  const includeOf = (info: GraphQLResolveInfo, path: string[] = []) => new Set(includeFrom(info, resource.include, path));

  query[resource.plural] = {
    type: new GraphQLNonNull(connection),
    args,
    resolve: async (_source, values: Record<string, unknown>, context, info) => {
      const actor = actorOf(context);
      const include = [...includeOf(info, ["data"])].join(",");
      const parsed = parseArguments(resource.listQuery, { ...toQuery(values), ...(include ? { include } : {}) });
      return resource.list(actor, parsed as never);
    },
  };
  query[resource.singular] = {
    type: new GraphQLNonNull(type),
    args: { id: { type: new GraphQLNonNull(GraphQLID) } },
    resolve: async (_source, { id }: { id: string }, context, info) => resource.get(actorOf(context), id, includeOf(info)),
  };

  /** The saved record as the API shows it, with the embeds the mutation's selection asks for. */
  const answer = async (actor: Actor, saved: unknown, info: GraphQLResolveInfo) => resource.get(actor, savedId(saved), includeOf(info));
  for (const cmd of resource.commands) {
    const addressed = cmd.path.includes("{id}");
    // A command whose path says it all (revoking a token) takes no input: GraphQL has no empty input types.
    const takesInput = Object.keys((cmd.body as z.ZodObject).shape ?? {}).length > 0;
    mutation[cmd.operationId] = {
      type: new GraphQLNonNull(cmd.output ? types.output(cmd.output.schema.meta()?.id as string, cmd.output.schema) : type),
      description: cmd.summary,
      args: {
        ...(addressed ? { id: { type: new GraphQLNonNull(GraphQLID) } } : {}),
        ...(takesInput ? { input: { type: new GraphQLNonNull(types.input(`${capitalize(cmd.operationId)}Input`, cmd.body)) } } : {}),
      },
      resolve: async (_source, args: { id?: string; input?: unknown }, context, info) => {
        const actor = actorOf(context);
        // GraphQL input objects have no prototype; the lib's schemas expect plain JSON.
        const body = JSON.parse(JSON.stringify(args.input ?? {})) as unknown;
        // The same input checks as REST's body, then the same lib call (lib/api/http/command.ts).
        parseOrThrow(cmd.body, body);
        const input = { id: args.id, body, clientAddress: clientAddressFrom(context.request.headers), tokenKind: context.caller!.tokenKind };
        const saved = await runCommand(cmd, actor, input, resource.get);
        return cmd.output ? cmd.output.of(saved) : answer(actor, saved, info);
      },
    };
  }
}

export function buildSchema(resources: Resource[] = RESOURCES): GraphQLSchema {
  const types = new TypeFactory({ StudySummary: EmbeddedStudy, UserSummary: EmbeddedUser, SubjectSummary: EmbeddedSubject });
  const query: Fields = {
    me: {
      type: new GraphQLNonNull(types.output("User", Me)),
      description: "The signed-in user, with role, site and grants as of this request.",
      resolve: (_source, _args, context) => {
        const actor = actorOf(context);
        return { ...actor, sponsorStudyIds: [...actor.sponsorStudyIds] };
      },
    },
  };
  const mutation: Fields = {};
  for (const resource of resources) resourceFields(resource, types, query, mutation);
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: query }),
    mutation: Object.keys(mutation).length > 0 ? new GraphQLObjectType({ name: "Mutation", fields: mutation }) : undefined,
  });
}
