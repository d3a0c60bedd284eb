/**
 * A write operation as the API offers it, declared once for both transports: REST serves it at
 * `method path` (commandRoute), GraphQL as the mutation `operationId` (lib/graphql/schema.ts).
 * `run` is the lib call and nothing more — what an operation means is decided in lib/, so REST
 * and GraphQL cannot drift apart. Both answer with the saved record as the API reads it, and a
 * stale version's 409 carries that reading too, never a raw row.
 */
import type { z } from "zod";
import type { Actor } from "../../actor";
import type { ApiCaller } from "../authenticate";
import { ConflictError, NotFoundError } from "../../errors";
import { isUuid } from "../../validation/fields";
import { pascalCase } from "../resources/names";
import { route, type Route } from "./route";

export type CommandInput = {
  /** The record the operation addresses (`{id}` in the path); absent for creates. */
  id: string | undefined;
  /** The JSON input as sent; the lib function validates it with its own schema. */
  body: unknown;
  clientAddress: string | null;
  /** The kind of bearer token the caller sent, for the few writes that care (creating a token). */
  tokenKind: ApiCaller["tokenKind"];
};

/** Reads the saved record back for the answer (the default) — or shapes what `run` returned. */
type Runs =
  | { run: (actor: Actor, input: CommandInput) => Promise<{ id: string }>; output?: undefined }
  | {
      run: (actor: Actor, input: CommandInput) => Promise<unknown>;
      /**
       * What the answer is when it is not the record read back — a retired record is out of every
       * read, so retiring answers with what was retired, when and why; a new token's secret is
       * shown once, in the answer to its creation.
       */
      output: { schema: z.ZodType; of: (saved: unknown) => unknown };
    };

type CommandBase = {
  operationId: string;
  summary: string;
  tag: string;
  method: "POST" | "PATCH";
  /** REST path under /api/v1, e.g. `/adverse-events/{id}/signature`. */
  path: string;
  /** The input's schema, for the OpenAPI document, REST's 400/422 and GraphQL's input type. */
  body: z.ZodType;
  /** 201 for a create, 200 otherwise. */
  status: 200 | 201;
  description: string;
  errors: number[];
  /** The record a conflict is about, when it is not the addressed one (a new screening's subject). */
  conflict?: { about: (input: CommandInput) => string | undefined; read: Reader };
};

export type Command = CommandBase & Runs;

export const command = (definition: Omit<CommandBase, "status"> & { status?: 200 | 201 } & Runs): Command => ({ status: 200, ...definition });

/** Reads a record as the API shows it (site-scoped, de-identified for sponsors). */
export type Reader = (actor: Actor, id: string, include?: ReadonlySet<string>) => Promise<unknown>;

/**
 * Runs the command; a 409 carries the record it is about as the API reads it. Shared by REST and
 * GraphQL so both answer alike.
 */
export async function runCommand(cmd: Command, actor: Actor, input: CommandInput, read: Reader): Promise<unknown> {
  // Not even shaped like an id: as unknown as a foreign site's record.
  if (cmd.path.includes("{id}") && !isUuid(input.id)) throw new NotFoundError();
  try {
    return await cmd.run(actor, input);
  } catch (error) {
    const about = cmd.conflict ? cmd.conflict.about(input) : input.id;
    const reader = cmd.conflict?.read ?? read;
    if (error instanceof ConflictError && about) throw new ConflictError(error.message, await reader(actor, about));
    throw error;
  }
}

/** The resource a command answers with: its output schema and its reader. */
export type Answer = { schema: z.ZodType; read: Reader };

export function commandRoute(cmd: Command, { schema, read }: Answer): Route {
  return route<undefined, unknown>({
    method: cmd.method,
    path: cmd.path,
    operationId: cmd.operationId,
    summary: cmd.summary,
    tag: cmd.tag,
    body: cmd.body as z.ZodType<unknown>,
    success: { status: cmd.status, description: cmd.description, schema: cmd.output?.schema ?? schema },
    errors: cmd.errors,
    handle: async ({ actor, caller, params, rawBody, clientAddress }) => {
      const saved = await runCommand(cmd, actor, { id: params.id, body: rawBody, clientAddress, tokenKind: caller.tokenKind }, read);
      return { status: cmd.status, body: cmd.output ? cmd.output.of(saved) : await read(actor, savedId(saved)) };
    },
  });
}

/** The id of what a command without its own `output` saved (its run returns `{ id }`). */
export const savedId = (saved: unknown) => (saved as { id: string }).id;

/**
 * A lib input schema without its `id`, which the path carries (`/visits/{id}/retire`); `key` names
 * it when the lib calls it otherwise (`userId` for `/users/{id}/role`).
 */
export function withoutId<S extends z.ZodObject>(schema: S, key = "id") {
  return schema.omit({ [key]: true } as never);
}

/** The body with the path's id added, for lib functions that take `{ id, ... }` (or `{ [key], ... }`). */
export function withId(body: unknown, id: string | undefined, key = "id"): unknown {
  return body !== null && typeof body === "object" && !Array.isArray(body) ? { ...body, [key]: id } : body;
}

/**
 * The `run` of a command that is nothing but its lib function: called with the body, the path's id
 * added when the path has one (`withId`; `key` where the lib names it otherwise, `userId` for
 * `/users/{id}/role`). The lib parses the input with its own schema, as it does a form's.
 */
export const libCall =
  <R>(fn: (actor: Actor, input: unknown) => Promise<R>, key = "id") =>
  (actor: Actor, { id, body }: CommandInput): Promise<R> =>
    fn(actor, id === undefined ? body : withId(body, id, key));

/** What every command of a resource shares: its tag, its collection path and what it is called. */
export type CommandHome = { tag: string; path: string; noun: string };
type Operation = Pick<CommandBase, "operationId" | "summary" | "body"> & Partial<Pick<CommandBase, "conflict" | "errors">> & Runs;

const ON_CREATE = [400, 401, 403, 404, 415, 422, 429];
/** A create that names no parent record to look up (a site, a study): never 404. */
export const ON_UNADDRESSED_CREATE = [400, 401, 403, 415, 422, 429];
const ON_RECORD = [400, 401, 403, 404, 409, 415, 422, 429];

/** An operation whose operationId follows from the resource's noun unless named. */
type Named = Pick<CommandBase, "summary" | "body"> & Partial<Pick<CommandBase, "operationId" | "conflict" | "errors">> & Runs;

/** `POST {path}`: creates a record (201 with it); its operationId is `create` + the noun ("createSite") unless named. */
export function createCommand(home: CommandHome, op: Named): Command {
  const operationId = `create${pascalCase(home.noun)}`;
  return command({ tag: home.tag, method: "POST", path: home.path, operationId, status: 201, description: `The new ${home.noun}.`, errors: ON_CREATE, ...op });
}

/** `PATCH {path}/{id}`: changes a record, version-checked (200 with it as saved); its operationId is `update` + the noun unless named. */
export function updateCommand(home: CommandHome, op: Named): Command {
  const operationId = `update${pascalCase(home.noun)}`;
  return command({ tag: home.tag, method: "PATCH", path: `${home.path}/{id}`, operationId, description: `The ${home.noun} as saved.`, errors: ON_RECORD, ...op });
}

/** `POST {path}/{id}/{action}`: an act on a record — assess, sign, retire (200, or 201 when it adds one). */
export function actionCommand(home: CommandHome, action: string, op: Operation & { status?: 200 | 201 }): Command {
  return command({ tag: home.tag, method: "POST", path: `${home.path}/{id}/${action}`, description: `The ${home.noun} afterwards.`, errors: ON_RECORD, ...op });
}
