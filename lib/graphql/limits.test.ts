/** The depth and cost rules and the include derivation, on the real schema, without a database. */
import { parse, validate, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { aliasLimitRule, costLimitRule, depthLimitRule, fieldLimitRule, operationCost } from "./limits";
import { buildSchema } from "./schema";
import { includeFrom } from "./selection";

const schema = buildSchema();
const errorsOf = (query: string, rule: ReturnType<typeof depthLimitRule>) =>
  validate(schema, parse(query), [rule]).map((e) => ({ code: e.extensions.code, message: e.message }));

describe("depth limit", () => {
  const query = "{ screenings { data { subject { subjectId } } } }"; // 4 levels
  it("counts nesting through fragments and refuses past the limit", () => {
    expect(errorsOf(query, depthLimitRule(4))).toEqual([]);
    expect(errorsOf(query, depthLimitRule(3))).toEqual([{ code: "QUERY_TOO_DEEP", message: "This query nests fields more than 3 levels deep; ask for less nested data." }]);
    const viaFragments = "query { screenings { ...Page } } fragment Page on ScreeningConnection { data { ... on Screening { subject { subjectId } } } }";
    expect(errorsOf(viaFragments, depthLimitRule(3))).toHaveLength(1);
    expect(errorsOf(viaFragments, depthLimitRule(4))).toEqual([]);
  });

  it("does not count introspection (signed-in users only)", () => {
    expect(errorsOf("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }", depthLimitRule(3))).toEqual([]);
  });
});

describe("cost limit", () => {
  const fields = "id version createdAt updatedAt subjectId studyId siteId"; // 7 fields
  it("counts each field once per row a page may return, by `limit`", () => {
    // screenings (1) + data (1 + 10 rows × 7) = 72
    expect(errorsOf(`{ screenings(limit: 10) { data { ${fields} } } }`, costLimitRule(72))).toEqual([]);
    expect(errorsOf(`{ screenings(limit: 10) { data { ${fields} } } }`, costLimitRule(71)).map((e) => e.code)).toEqual(["QUERY_TOO_COSTLY"]);
    // without `limit`, REST's default page of 50: 1 + 1 + 50 × 7 = 352
    expect(errorsOf(`{ screenings { data { ${fields} } } }`, costLimitRule(352))).toEqual([]);
    expect(errorsOf(`{ screenings { data { ${fields} } } }`, costLimitRule(351))).toHaveLength(1);
    // a variable counts as the maximum page (200): 1 + 1 + 200 × 7 = 1402
    expect(errorsOf(`query($n: Int) { screenings(limit: $n) { data { ${fields} } } }`, costLimitRule(1401))).toHaveLength(1);
    expect(errorsOf(`query($n: Int) { screenings(limit: $n) { data { ${fields} } } }`, costLimitRule(1402))).toEqual([]);
  });

  it("adds up aliases and nested embeds", () => {
    const one = `screenings(limit: 100) { data { id subject { subjectId fullName } } }`; // 1 + 1 + 100 × (1 + 3) = 402
    expect(errorsOf(`{ a: ${one} }`, costLimitRule(402))).toEqual([]);
    expect(errorsOf(`{ a: ${one} b: ${one} }`, costLimitRule(803))).toHaveLength(1);
    expect(errorsOf(`{ a: ${one} b: ${one} }`, costLimitRule(804))).toEqual([]);
  });
});

describe("alias and field limits", () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(" ")} }`;

  it("refuses more aliases than the limit, counted through fragments as often as they are spread", () => {
    expect(errorsOf(aliased(30), aliasLimitRule(30))).toEqual([]);
    expect(errorsOf(aliased(31), aliasLimitRule(30))).toEqual([
      { code: "QUERY_TOO_MANY_ALIASES", message: "This query uses more than 30 aliases; ask for fewer fields under other names, or send several requests." },
    ]);
    // 2 spreads × 16 aliases inside the fragment = 32
    const fragment = `fragment F on Subject { ${Array.from({ length: 16 }, (_, i) => `x${i}: id`).join(" ")} }`;
    const viaFragments = `{ subjects { data { ...F } } subject(id: "1") { ...F } } ${fragment}`;
    expect(errorsOf(viaFragments, aliasLimitRule(30)).map((e) => e.code)).toEqual(["QUERY_TOO_MANY_ALIASES"]);
    expect(errorsOf(viaFragments, aliasLimitRule(32))).toEqual([]);
  });

  it("refuses more fields than the limit, aliased or not, without counting introspection", () => {
    // me (1) + 499 × id = 500 fields
    expect(errorsOf(`{ me { ${"id ".repeat(499)} } }`, fieldLimitRule(500))).toEqual([]);
    expect(errorsOf(`{ me { ${"id ".repeat(500)} } }`, fieldLimitRule(500))).toEqual([
      { code: "QUERY_TOO_MANY_FIELDS", message: "This query selects more than 500 fields; ask for fewer fields, or send several requests." },
    ]);
    expect(errorsOf("{ __schema { types { name fields { name type { name ofType { name } } } } } }", fieldLimitRule(3))).toEqual([]);
  });

  it("counts a fragment spread many times over without walking it as often (no fragment bomb)", () => {
    // Each level spreads both fragments of the next: 2^40 paths, which a naive walk would never finish.
    const levels = 40;
    const defs = Array.from({ length: levels }, (_, i) =>
      ["A", "B"].map((n) => (i === levels - 1 ? `fragment ${n}${i} on User { id }` : `fragment ${n}${i} on User { ${n.toLowerCase()}: id ...A${i + 1} ...B${i + 1} }`)).join(" "),
    ).join(" ");
    const query = `{ me { ...A0 } } ${defs}`;
    const started = Date.now();
    expect(errorsOf(query, fieldLimitRule(500)).map((e) => e.code)).toEqual(["QUERY_TOO_MANY_FIELDS"]);
    expect(errorsOf(query, aliasLimitRule(30)).map((e) => e.code)).toEqual(["QUERY_TOO_MANY_ALIASES"]);
    expect(errorsOf(query, costLimitRule(10_000)).map((e) => e.code)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(errorsOf(query, depthLimitRule(8))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("cost of the operation that runs", () => {
  it("measures the named operation of a document, as the cost rule counts it", () => {
    const document = parse("query Small { me { id } } query Big { screenings(limit: 10) { data { id subjectId } } }");
    expect(operationCost(schema, document, "Small")).toBe(2);
    expect(operationCost(schema, document, "Big")).toBe(1 + 1 + 10 * 2);
    expect(operationCost(schema, parse("{ me { id username } }"), undefined)).toBe(3);
  });
});

describe("include from the selection", () => {
  it("finds embeds selected directly, in inline fragments and in named fragments", () => {
    const document = parse("{ screenings { data { id subject { id } ... on Screening { study { id } } ...F } } } fragment F on Screening { completedBy { id } }");
    const operation = document.definitions[0] as { selectionSet: { selections: GraphQLResolveInfo["fieldNodes"] } };
    const fragments = Object.fromEntries(document.definitions.slice(1).map((d) => [(d as { name: { value: string } }).name.value, d])) as GraphQLResolveInfo["fragments"];
    const info = { fieldNodes: operation.selectionSet.selections, fragments };
    expect(includeFrom(info, ["subject", "study", "completedBy"], ["data"])).toEqual(["subject", "study", "completedBy"]);
    expect(includeFrom(info, ["subject", "study", "completedBy"])).toEqual([]);
  });
});
