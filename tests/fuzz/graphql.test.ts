/**
 * Hostile input on every GraphQL mutation. The mutation list and arguments come from the schema
 * the server builds (lib/graphql/schema.ts); an `input`'s values from the JSON Schema of the same
 * command's body (the OpenAPI document; GraphQL mutations are REST's commands by operationId),
 * with hostile values mixed in — plus inline literals, deep nesting and the classic payloads.
 * Each case goes through the very handler behind /api/graphql: never a 5xx or a masked
 * INTERNAL_SERVER_ERROR, no stack trace, SQL or path in the answer, and nothing written when the
 * mutation was refused. `FUZZ_RUNS=500` runs more.
 */
import fc from "fast-check";
import { GraphQLObjectType, getNamedType, isObjectType, type GraphQLField } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/http/openapi";
import { apiRoutes } from "@/lib/api/routes";
import { buildSchema } from "@/lib/graphql/schema";
import { handleGraphQL } from "@/lib/graphql/server";
import { gql } from "@/lib/graphql/test-client";
import { withTestDb } from "@/tests/db";
import { deepJson, HOSTILE_IDS, HOSTILE_STRINGS, OVERLONG } from "./payloads";
import { hostile, validArbitrary, type JsonSchema, type SchemaContext } from "./schema-arbitrary";
import { fuzzRuns, Ledger, LEAK, fuzzSeed } from "./written";
import { buildWorld, type Caller, type World } from "./world";

withTestDb();

type Doc = { paths: Record<string, Record<string, { operationId: string; requestBody?: { content: { "application/json": { schema: JsonSchema } } } }>>; components: { schemas: Record<string, JsonSchema> } };
const doc = openApiDocument(apiRoutes) as unknown as Doc;
const restOps = new Map(Object.entries(doc.paths).flatMap(([path, ops]) => Object.values(ops).map((op) => [op.operationId, { path: path.replace(/^\/api\/v1/, ""), op }] as const)));
const mutationType = buildSchema().getMutationType() as GraphQLObjectType;
const mutations = Object.values(mutationType.getFields());
const RUNS = fuzzRuns(8);

let world: World;
let ctx: SchemaContext;
let cases = 0;
const ledger = new Ledger();
beforeAll(async () => {
  world = await buildWorld();
  ctx = { components: doc.components.schemas, uuids: world.uuids, byKey: world.byKey };
});
afterAll(() => console.log(`GraphQL fuzz: ${cases} cases over ${mutations.length} mutations (${RUNS} generated runs each, plus the classic payloads)`));

/** A selection the result type accepts: its scalar fields, `id` when it has one. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return "";
  const fields = Object.values(type.getFields()).filter((f) => !isObjectType(getNamedType(f.type)) && f.args.length === 0);
  return `{ ${fields.slice(0, 6).map((f) => f.name).join(" ") || "__typename"} }`;
}

async function check(caller: Caller | null, query: string, variables: Record<string, unknown> | undefined, label: string) {
  cases++;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json" };
  if (caller) headers.authorization = `Bearer ${world.tokens[caller]}`;
  const before = await ledger.before();
  const response = await handleGraphQL(new Request("http://trialdesk.test/api/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) }));
  const text = await response.text();
  const changes = await ledger.after(before);
  const where = `${label} as ${caller}: ${query.slice(0, 300)} ${JSON.stringify(variables)?.slice(0, 300)} → ${response.status} ${text.slice(0, 400)}`;
  expect(response.status, where).toBeLessThan(500);
  expect(text, where).not.toMatch(LEAK);
  const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.map((e) => e.extensions?.code) ?? [], where).not.toContain("INTERNAL_SERVER_ERROR");
  const refused = (body.errors?.length ?? 0) > 0 && !Object.values(body.data ?? {}).some((v) => v != null);
  if (refused) expect(changes, where).toEqual([]);
}

const callerArbitrary = fc.constantFrom<Caller>("coordA", "coordA", "coordA", "invA", "invA", "admin", "admin", "coordB", "sponsor");

/** Whole requests no client library would send: the body, not a variable, is hostile. */
describe("raw GraphQL requests", () => {
  const raw = async (body: BodyInit, contentType = "application/json") => {
    cases++;
    const before = await ledger.before();
    const response = await handleGraphQL(
      new Request("http://trialdesk.test/api/graphql", { method: "POST", headers: { "content-type": contentType, authorization: `Bearer ${world.tokens.coordA}` }, body }),
    );
    const text = await response.text();
    const changes = await ledger.after(before);
    return { status: response.status, text, changes };
  };
  const deepQuery = (levels: number) => `{ ${"subject(id: \"x\") { ".repeat(levels)}id${" }".repeat(levels)} }`;
  const bodies: [string, BodyInit, string?][] = [
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["deep JSON body (10,000 levels)", deepJson(10_000, "object")],
    ["deep JSON variables (10,000 levels)", `{"query":"mutation($input: CreateSubjectNoteInput!) { createSubjectNote(input: $input) { id } }","variables":{"input":${deepJson(10_000, "object")}}}`],
    ["a query nested 2,000 deep", JSON.stringify({ query: deepQuery(2_000) })],
    ["query is a number", JSON.stringify({ query: 1e308 })],
    ["query is an object with __proto__", '{"query":{"__proto__":{"admin":true}}}'],
    ["1,000 operations in a batch", JSON.stringify(Array.from({ length: 1_000 }, () => ({ query: "{ __typename }" })))],
    ["a 2 MiB query", JSON.stringify({ query: `{ ${"__typename ".repeat(200_000)} }` })],
    ["NUL in the query", JSON.stringify({ query: "mutation { createSubjectNote(input: { subjectId: \"x\", noteType: call, noteText: \"a\u0000b\" }) { id } }" })],
    ["not JSON", "{query: mutation}"],
    ["form encoding", "query=mutation%7B%7D", "application/x-www-form-urlencoded"],
  ];
  for (const [name, body, type] of bodies) {
    it(name, async () => {
      const answer = await raw(body, type);
      const where = `${name} → ${answer.status} ${answer.text.slice(0, 300)}`;
      expect(answer.status, where).toBeLessThan(500);
      expect(answer.text, where).not.toMatch(LEAK);
      expect(answer.text, where).not.toContain("INTERNAL_SERVER_ERROR");
      expect(answer.changes, where).toEqual([]);
    });
  }
});

describe("GraphQL mutations under hostile input", () => {
  for (const mutation of mutations) {
    it(mutation.name, async () => {
      const rest = restOps.get(mutation.name);
      const segment = rest?.path.split("/")[1] ?? "";
      const ids = world.ids[segment] ?? world.uuids;
      const hasId = mutation.args.some((a) => a.name === "id");
      const input = mutation.args.find((a) => a.name === "input");
      const inputType = input ? String(input.type) : undefined;
      const declare = [hasId && "$id: ID!", input && `$input: ${inputType}`].filter(Boolean).join(", ");
      const pass = [hasId && "id: $id", input && "input: $input"].filter(Boolean).join(", ");
      const query = `mutation${declare ? `(${declare})` : ""} { ${mutation.name}${pass ? `(${pass})` : ""} ${selection(mutation)} }`;
      const bodySchema = rest?.op.requestBody?.content["application/json"].schema;
      const idArbitrary = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_IDS) });
      const inputArbitrary = bodySchema ? hostile(bodySchema, ctx) : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(callerArbitrary, idArbitrary, inputArbitrary, async (caller, id, value) => {
          const variables: Record<string, unknown> = {};
          if (hasId) variables.id = id;
          if (input) variables.input = value;
          await check(caller, query, variables, "generated");
        }),
        { numRuns: RUNS, seed: fuzzSeed() },
      );
      // The classic payloads as inline literals and as whole variables.
      const own = ids[0]!;
      const literalArgs = (literal: string) => [hasId && `id: ${JSON.stringify(own)}`, input && `input: ${literal}`].filter(Boolean).join(", ");
      for (const text of [HOSTILE_STRINGS[1]!, "a\u0000b", "\ud800", OVERLONG.slice(0, 20_000)]) {
        await check("coordA", `mutation { ${mutation.name}(${literalArgs(`{ reason: ${JSON.stringify(text)}, version: 1 }`)}) ${selection(mutation)} }`, undefined, "inline literal");
      }
      // A well-typed input with one string field at a time holding text the database cannot store.
      if (bodySchema && input) {
        const valid = fc.sample(validArbitrary(bodySchema, ctx), { numRuns: 1, seed: 11 })[0] as Record<string, unknown>;
        for (const key of Object.keys(valid ?? {}).filter((k) => typeof valid[k] === "string")) {
          for (const text of ["a\u0000b", "\ud800x", `${HOSTILE_STRINGS[6]}`]) {
            await check("coordA", query, { ...(hasId ? { id: own } : {}), input: { ...valid, [key]: text } }, `${key} = ${JSON.stringify(text)}`);
          }
        }
      }
      for (const value of [null, [], "text", 1e308, { __proto__: { admin: true }, constructor: { prototype: {} } }, JSON.parse(deepJson(2_000, "object"))]) {
        await check("coordA", query, { ...(hasId ? { id: own } : {}), ...(input ? { input: value } : {}) }, "whole variable");
      }
      // Every caller is still signed in: a refusal above was the input's doing, not a lost token's.
      for (const [caller, token] of Object.entries(world.tokens)) {
        expect((await gql(token, "{ __typename }")).codes, `${caller}'s token after ${mutation.name}`).toEqual([]);
      }
    });
  }
});
