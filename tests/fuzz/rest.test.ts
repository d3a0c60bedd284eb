/**
 * Hostile input on every REST operation, derived from the OpenAPI document the app generates:
 * per operation a fast-check property (caller, path id, query and body from its own schemas with
 * hostile values mixed in), then the classic raw bodies (./payloads). Each case goes through the
 * very router behind /api/v1 on a real database and must answer below 500, without a stack trace,
 * SQL or file path, as problem+json when refused — and a refusal must leave every table as it was.
 * `FUZZ_RUNS=500 npx vitest run tests/fuzz/rest.test.ts` runs more.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes, dispatchApi } from "@/lib/api/routes";
import { openApiDocument } from "@/lib/api/http/openapi";
import { tokenFor } from "@/tests/api/client";
import { withTestDb } from "@/tests/db";
import { HOSTILE_IDS, rawBodies } from "./payloads";
import { hostile, validArbitrary, type JsonSchema, type SchemaContext } from "./schema-arbitrary";
import { fuzzRuns, Ledger, LEAK, fuzzSeed } from "./written";
import { buildWorld, type Caller, type World } from "./world";

withTestDb();

type Parameter = { name: string; in: "path" | "query" | "header"; schema: JsonSchema };
type Operation = { operationId: string; tags?: string[]; parameters?: Parameter[]; requestBody?: { content: { "application/json": { schema: JsonSchema } } }; security?: unknown[] };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };

const doc = openApiDocument(apiRoutes) as unknown as Doc;
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path: path.replace(/^\/api\/v1/, ""), method: method.toUpperCase(), op })),
);
const RUNS = fuzzRuns(8);

let world: World;
let ctx: SchemaContext;
let cases = 0;
const ledger = new Ledger();
beforeAll(async () => {
  world = await buildWorld();
  ctx = { components: doc.components.schemas, uuids: world.uuids, byKey: world.byKey };
});
afterAll(() => {
  console.log(`REST fuzz: ${cases} cases over ${operations.length} operations (${RUNS} generated runs each, plus the classic raw bodies)`);
});

const callerArbitrary = fc.constantFrom<Caller | null>("coordA", "coordA", "coordA", "invA", "invA", "admin", "admin", "coordB", "sponsor", null);

function query(op: Operation): fc.Arbitrary<Record<string, string>> {
  const params = (op.parameters ?? []).filter((p) => p.in === "query");
  const entries = params.map((p) => fc.option(hostile(p.schema, ctx).map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "")), { freq: 2 }).map((v) => [p.name, v] as const));
  return fc.tuple(...entries, fc.option(fc.constantFrom("__proto__", "unknown", "limit[]"), { freq: 5 })).map((pairs) => {
    const out: Record<string, string> = {};
    for (const pair of pairs) {
      if (pair === null) continue;
      if (typeof pair === "string") out[pair] = "1";
      else if (pair[1] !== null) out[pair[0]] = pair[1];
    }
    return out;
  });
}

type Case = { caller: Caller | null; path: string; query?: Record<string, string>; body?: BodyInit; contentType?: string; headers?: Record<string, string> };

/** One hostile request through the router: below 500, no leak, problem+json and nothing written when refused. */
async function check(method: string, c: Case, label: string) {
  cases++;
  const url = new URL(`http://trialdesk.test/api/v1${c.path}`);
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.append(k, v);
  const headers: Record<string, string> = { ...c.headers };
  // Signing out revokes the token it is sent with: that case gets a token of its own, so the
  // callers' tokens keep working for every later case (checked after each operation).
  if (c.caller && method === "DELETE" && url.pathname.endsWith("/sessions/current")) {
    headers.authorization = `Bearer ${await tokenFor(world.f.users[c.caller].id)}`;
    ledger.forget();
  } else if (c.caller) headers.authorization = `Bearer ${world.tokens[c.caller]}`;
  if (c.body !== undefined) headers["content-type"] = c.contentType ?? "application/json";
  const before = await ledger.before();
  const abort = new AbortController();
  const response = await dispatchApi(new Request(url, { method, headers, body: c.body, signal: abort.signal, ...(c.body ? { duplex: "half" } : {}) } as RequestInit));
  // The live stream never ends by itself: its status and headers are the answer.
  const text = response.headers.get("content-type")?.startsWith("text/event-stream") ? (abort.abort(), await response.body?.cancel(), "") : await response.text();
  const changes = await ledger.after(before);
  const where = `${label}: ${method} ${url.pathname}${url.search.slice(0, 200)} as ${c.caller} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  expect(text, where).not.toMatch(LEAK);
  if (response.status >= 400) {
    expect(response.headers.get("content-type"), where).toMatch(/^application\/problem\+json/);
    expect(changes, where).toEqual([]);
  }
}

describe("REST operations under hostile input", () => {
  for (const { path, method, op } of operations) {
    it(`${op.operationId} (${method} ${path})`, async () => {
      const segment = path.split("/")[1] ?? "";
      const ids = world.ids[segment] ?? world.uuids;
      const pathId = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_IDS) });
      const bodySchema = op.requestBody?.content["application/json"].schema;
      const body = bodySchema ? hostile(bodySchema, ctx).map((v) => JSON.stringify(v) ?? "") : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(callerArbitrary, pathId, query(op), body, async (caller, id, q, b) => {
          await check(method, { caller, path: path.replace(/\{\w+\}/g, id), query: q, body: b }, "generated");
        }),
        { numRuns: RUNS, seed: fuzzSeed() },
      );
      const own = path.replace(/\{\w+\}/g, ids[0]!);
      if (bodySchema) {
        const valid = fc.sample(validArbitrary(bodySchema, ctx), { numRuns: 1, seed: 7 })[0] as Record<string, unknown>;
        for (const raw of rawBodies(valid && typeof valid === "object" ? valid : {})) {
          await check(method, { caller: op.security?.length === 0 ? null : "coordA", path: own, body: raw.body, contentType: raw.contentType }, raw.name);
        }
      }
      // Hostile headers: a forged client address, a bad bearer token, a Last-Event-ID.
      for (const headers of <Record<string, string>[]>[
        { "x-forwarded-for": "' OR 1=1 --, 999.999.999.999, ::ffff:", "last-event-id": "-1e308" },
        { authorization: "Bearer ' OR '1'='1" },
        { authorization: `Bearer ${"A".repeat(10_000)}` },
        { authorization: "Basic Zm9vOmJhcg==" },
      ]) {
        await check(method, { caller: headers.authorization ? null : "coordA", path: own, headers, query: {} }, "headers");
      }
      // Every caller is still signed in: a refusal above was the input's doing, not a lost token's.
      for (const [caller, token] of Object.entries(world.tokens)) {
        const me = await dispatchApi(new Request("http://trialdesk.test/api/v1/users/me", { headers: { authorization: `Bearer ${token}` } }));
        expect(me.status, `${caller}'s token after ${op.operationId}`).toBe(200);
      }
    });
  }
});
