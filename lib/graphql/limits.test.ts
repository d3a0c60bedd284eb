/** The depth and cost rules and the include derivation, on the real schema, without a database. */
import { parse, validate, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { costLimitRule, depthLimitRule } from "./limits";
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
