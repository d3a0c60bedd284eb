/**
 * GraphQL machinery and the `subjects` resource end to end through the /api/graphql handler:
 * bearer auth, introspection for signed-in users only, rate limit, error codes, limits, and
 * REST's filters/order/cursor, de-identification and write rules on the same functions.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, subjects } from "@/db/schema";
import { countQueries, withTestDb } from "@/tests/db";
import { addSubject, countRows } from "@/tests/fixtures-screening";
import { twoSites } from "@/tests/fixtures";
import { tokenFor } from "@/tests/api/client";
import { createGraphQLHandler, createGraphQLYoga } from "./server";
import { gql } from "./test-client";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let coordA: string;
let sponsor: string;
const SUBJECT_FIELDS = "id subjectId fullName dob sexAtBirth screeningStatus status studyId siteId coordinatorId consentSignedAt enrolledAt withdrawnAt withdrawalReason version createdAt updatedAt";

beforeAll(async () => {
  f = await twoSites();
  coordA = await tokenFor(f.users.coordA.id);
  sponsor = await tokenFor(f.users.sponsor.id);
  // Site A: A-01 (fixture) plus four more; site B: B-01 plus one.
  await addSubject(f, "A", { subjectId: "A-02", screeningStatus: "passed", status: "enrolled" });
  await addSubject(f, "A", { subjectId: "A-03", screeningStatus: "passed" });
  await addSubject(f, "A", { subjectId: "A-04", screeningStatus: "failed", status: "screen_failed" });
  await addSubject(f, "A", { subjectId: "A-05" });
  await addSubject(f, "B", { subjectId: "B-02", screeningStatus: "passed" });
});

const ENV_LIMIT = process.env.API_RATE_LIMIT_PER_MINUTE;
afterEach(() => {
  if (ENV_LIMIT === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = ENV_LIMIT;
});

describe("GraphQL: authentication and introspection", () => {
  it("refuses anonymous and unknown-token callers with 401 for everything, introspection included", async () => {
    for (const token of [undefined, "td_not-a-real-token"]) {
      for (const query of ["{ me { id } }", "{ __schema { types { name } } }", '{ __type(name: "Subject") { name } }']) {
        const r = await gql(token, query);
        expect(r.status, query).toBe(401);
        expect(r.codes).toEqual(["UNAUTHENTICATED"]);
        expect(r.data).toBeNull();
        expect(r.headers.get("www-authenticate")).toContain("Bearer");
      }
    }
    const probe = await gql(undefined, "{ subjectz { data { id } } }");
    expect(JSON.stringify(probe.errors)).not.toContain("subjects"); // no "did you mean" for strangers
  });

  it("behind the token check, still refuses introspection and every field to a request without a caller", async () => {
    const yoga = createGraphQLYoga();
    const call = (query: string) => gql(undefined, query, undefined, (request) => Promise.resolve(yoga.handleRequest(request, { caller: null })));
    const introspection = await call("{ __schema { types { name } } }");
    expect(introspection.data).toBeNull();
    expect(introspection.errors[0]!.message).toMatch(/introspection/i);
    const field = await call("{ me { id } }");
    expect(field.status).toBe(401);
    expect(field.codes).toEqual(["UNAUTHENTICATED"]);
  });

  it("refuses an oversized request before parsing it", async () => {
    const r = await gql(coordA, `{ me { id } } # ${"x".repeat(1024 * 1024)}`);
    expect(r.status).toBe(413);
  });

  it("lets a signed-in user introspect the schema", async () => {
    const r = await gql<{ __schema: { types: { name: string }[] }; __type: { fields: { name: string }[] } }>(
      coordA,
      '{ __schema { types { name } } __type(name: "Subject") { fields { name } } }',
    );
    expect(r.errors).toEqual([]);
    expect(r.data!.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(["Subject", "Screening", "Visit", "AdverseEvent", "SubjectNote", "Study", "Mutation"]));
    expect(r.data!.__type.fields.map((x) => x.name)).toEqual(expect.arrayContaining(["fullName", "study", "coordinator"]));
  });

  it("answers `me` with role, site and grants as of this request", async () => {
    const r = await gql<{ me: Record<string, unknown> }>(coordA, "{ me { id username role status siteId siteName sponsorStudyIds } }");
    expect(r.data!.me).toMatchObject({ id: f.users.coordA.id, username: "coord_a", role: "coordinator", siteName: "Site A", sponsorStudyIds: [] });
    const s = await gql<{ me: { sponsorStudyIds: string[] } }>(sponsor, "{ me { role sponsorStudyIds } }");
    expect(s.data!.me).toEqual({ role: "sponsor", sponsorStudyIds: [f.studyA.id] });
  });

  it("counts GraphQL requests against the same rate limit as REST (429 RATE_LIMITED)", async () => {
    const token = await tokenFor(f.users.invB.id);
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    expect((await gql(token, "{ me { id } }")).status).toBe(200);
    expect((await gql(token, "{ me { id } }")).status).toBe(200);
    const limited = await gql(token, "{ me { id } }");
    expect(limited.status).toBe(429);
    expect(limited.codes).toEqual(["RATE_LIMITED"]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("GraphQL: limits", () => {
  it("refuses a query nested deeper than the limit, before running it", async () => {
    const shallow = createGraphQLHandler({ maxDepth: 3 });
    const query = "{ subjects { data { study { protocolId } } } }"; // 4 levels
    const refused = await gql(coordA, query, undefined, shallow);
    expect(refused.codes).toEqual(["QUERY_TOO_DEEP"]);
    expect(refused.errors[0]!.message).toMatch(/more than 3 levels deep/);
    expect(refused.data).toBeNull();
    expect((await gql(coordA, query, undefined, createGraphQLHandler({ maxDepth: 4 }))).errors).toEqual([]);
  });

  it("refuses a query whose fields × rows exceed the cost limit, counting a variable limit as the maximum", async () => {
    const page = (alias: string, limit: string) => `${alias}: subjects(limit: ${limit}) { data { ${SUBJECT_FIELDS} study { id protocolId title } } }`;
    const costly = `{ ${page("a", "200")} ${page("b", "200")} ${page("c", "200")} }`;
    const { result, queries } = await countQueries(() => gql(coordA, costly));
    expect(result.codes).toEqual(["QUERY_TOO_COSTLY"]);
    expect(result.errors[0]!.message).toMatch(/may cost more than 10000/);
    expect(queries).toBeLessThanOrEqual(1); // the token check; no page was read
    expect((await gql(coordA, `{ ${page("a", "20")} ${page("b", "20")} ${page("c", "20")} }`)).errors).toEqual([]);
    const variable = await gql(coordA, `query($n: Int) { ${page("a", "$n")} ${page("b", "$n")} ${page("c", "$n")} }`, { n: 2 });
    expect(variable.codes).toEqual(["QUERY_TOO_COSTLY"]);
  });
});

describe("GraphQL: aliases, fields, and the rate limit charged by cost", () => {
  it("refuses 2,000 aliased fields in one request (they fit under the cost limit), before running any", async () => {
    const many = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
    const { result, queries } = await countQueries(() => gql(coordA, many));
    expect(result.codes).toEqual(["QUERY_TOO_MANY_ALIASES", "QUERY_TOO_MANY_FIELDS"]); // 2,000 aliases, 4,000 fields
    expect(result.errors[0]!.message).toMatch(/more than 30 aliases/);
    expect(result.data).toBeNull();
    expect(queries).toBeLessThanOrEqual(1); // the token check
    const thirty = await gql<Record<string, { id: string }>>(coordA, `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: me { id }`).join(" ")} }`);
    expect(thirty.errors).toEqual([]);
    expect(Object.keys(thirty.data!)).toHaveLength(30);
  });

  it("refuses more than 500 fields in one request, aliased or not", async () => {
    const r = await gql(coordA, `{ me { ${"id ".repeat(500)} } }`);
    expect(r.codes).toEqual(["QUERY_TOO_MANY_FIELDS"]);
    expect(r.data).toBeNull();
    expect((await gql(coordA, `{ me { ${"id ".repeat(499)} } }`)).errors).toEqual([]);
  });

  it("charges the per-user rate limit by the query's cost: one token per 100 units (at least one per request)", async () => {
    const user = await (await import("@/tests/fixtures")).makeUser("gql_cost_a", "coordinator", f.siteA.id);
    const token = await tokenFor(user.id);
    process.env.API_RATE_LIMIT_PER_MINUTE = "30";
    // 1 + 1 + 200 rows × 5 fields = 1002 units → 11 tokens
    const costly = "{ subjects(limit: 200) { data { id subjectId fullName dob status } } }";
    const first = await gql(token, costly);
    expect(first.errors).toEqual([]);
    expect(first.status).toBe(200);
    expect((await gql(token, costly)).status).toBe(200); // 22 of 30
    for (let i = 0; i < 7; i++) expect((await gql(token, "{ me { id } }")).status).toBe(200); // 29 of 30: cheap ones count one each
    const limited = await gql(token, costly); // would be 40
    expect(limited.status).toBe(429);
    expect(limited.codes).toEqual(["RATE_LIMITED"]);
    expect(limited.data).toBeNull();
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await gql(token, "{ me { id } }")).status).toBe(429);
  });
});

type SubjectPage = { subjects: { data: Record<string, unknown>[]; nextCursor: string | null } };

describe("GraphQL subjects: queries", () => {
  it("lists the caller's site only, with REST's filters and order, embeds from the same query", async () => {
    const all = await gql<SubjectPage>(coordA, "{ subjects { data { subjectId fullName study { protocolId } coordinator { username } } nextCursor } }");
    expect(all.errors).toEqual([]);
    expect(all.data!.subjects.data.map((s) => s.subjectId)).toEqual(["A-01", "A-02", "A-03", "A-04", "A-05"]);
    expect(all.data!.subjects.data[0]).toEqual({ subjectId: "A-01", fullName: "Alice Anders", study: { protocolId: "A-001" }, coordinator: { username: "coord_a" } });
    expect(all.data!.subjects.nextCursor).toBeNull();

    const passed = await gql<SubjectPage>(coordA, '{ subjects(screeningStatus: "passed", order: "-subjectId") { data { subjectId } } }');
    expect(passed.data!.subjects.data.map((s) => s.subjectId)).toEqual(["A-03", "A-02"]);
    const enrolled = await gql<SubjectPage>(coordA, `{ subjects(status: "enrolled", studyId: "${f.studyA.id}") { data { subjectId } } }`);
    expect(enrolled.data!.subjects.data.map((s) => s.subjectId)).toEqual(["A-02"]);
    const foreignStudy = await gql<SubjectPage>(coordA, `{ subjects(studyId: "${f.studyB.id}") { data { subjectId } } }`);
    expect(foreignStudy.data!.subjects.data).toEqual([]);
  });

  it("pages with REST's cursor: no repeats, no gaps, while rows are inserted meanwhile", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: Awaited<ReturnType<typeof gql<SubjectPage>>> = await gql<SubjectPage>(coordA, "query($c: String) { subjects(limit: 2, cursor: $c) { data { subjectId } nextCursor } }", { c: cursor });
      expect(r.errors).toEqual([]);
      seen.push(...r.data!.subjects.data.map((s) => String(s.subjectId)));
      cursor = r.data!.subjects.nextCursor;
      if (pages === 0) await addSubject(f, "A", { subjectId: "A-00" }); // sorts before the cursor: never shown
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(["A-01", "A-02", "A-03", "A-04", "A-05"]);
    expect(pages).toBe(3);
  });

  it("refuses bad arguments with BAD_USER_INPUT naming them", async () => {
    const r = await gql(coordA, '{ subjects(limit: 500, order: "fullName", screeningStatus: "maybe") { data { id } } }');
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    expect(Object.keys(r.errors[0]!.extensions!.fieldErrors as object).sort()).toEqual(["limit", "order", "screeningStatus"]);
    const cursor = await gql(coordA, '{ subjects(cursor: "zzz") { data { id } } }');
    expect(cursor.codes).toEqual(["BAD_USER_INPUT"]);
    expect(cursor.errors[0]!.extensions!.fieldErrors).toEqual({ cursor: ["Invalid cursor."] });
  });

  it("fetches one subject; another site's (or a malformed) id is NOT_FOUND", async () => {
    const own = await gql<{ subject: Record<string, unknown> }>(coordA, `{ subject(id: "${f.subjectA.id}") { subjectId study { title } } }`);
    expect(own.data!.subject).toEqual({ subjectId: "A-01", study: { title: "Study A" } });
    for (const id of [f.subjectB.id, "not-an-id"]) {
      const r = await gql(coordA, `{ subject(id: "${id}") { subjectId fullName } }`);
      expect(r.codes).toEqual(["NOT_FOUND"]);
      expect(r.data).toBeNull();
      expect(JSON.stringify(r)).not.toContain("Bob");
    }
  });

  it("de-identifies subjects for a sponsor in the data itself", async () => {
    const r = await gql<SubjectPage>(sponsor, `{ subjects { data { ${SUBJECT_FIELDS} } } }`);
    expect(r.errors).toEqual([]);
    expect(r.data!.subjects.data.length).toBeGreaterThan(0);
    expect(r.data!.subjects.data.every((s) => s.siteId === f.siteA.id && s.fullName === null && s.consentSignedAt === null)).toBe(true);
    expect(r.data!.subjects.data.find((s) => s.subjectId === "A-01")).toMatchObject({ dob: "1970" });
    expect(JSON.stringify(r)).not.toContain("Alice");
    expect((await gql(sponsor, `{ subject(id: "${f.subjectB.id}") { id } }`)).codes).toEqual(["NOT_FOUND"]);
  });
});

const CREATE = `mutation($input: CreateSubjectInput!) { createSubject(input: $input) { id subjectId fullName version dob study { protocolId } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSubjectInput!) { updateSubject(id: $id, input: $input) { id fullName version dob } }`;
const writes = async () => ({ subjects: await countRows(subjects), audit: await countRows(auditEvents) });

describe("GraphQL subjects: mutations", () => {
  it("creates and edits through the lib, refusing a stale version with the current record and writing nothing", async () => {
    const hostile = "<b>Ann</b>'; drop table subjects;--";
    const created = await gql<{ createSubject: Record<string, unknown> }>(coordA, CREATE, {
      input: { studyId: f.studyA.id, subjectId: "A-10", fullName: hostile, coordinatorId: f.users.coordA.id, dob: "1990-02-03", sexAtBirth: "female", consentSignedAt: null },
    });
    expect(created.errors).toEqual([]);
    expect(created.data!.createSubject).toMatchObject({ subjectId: "A-10", fullName: hostile, version: 1, study: { protocolId: "A-001" } });
    const id = String(created.data!.createSubject.id);

    const edited = await gql<{ updateSubject: Record<string, unknown> }>(coordA, UPDATE, { id, input: { version: 1, fullName: "Ann Other", reason: "Typo" } });
    expect(edited.errors).toEqual([]);
    expect(edited.data!.updateSubject).toEqual({ id, fullName: "Ann Other", version: 2, dob: "1990-02-03" });

    const before = await writes();
    const stale = await gql(coordA, UPDATE, { id, input: { version: 1, fullName: "Lost", reason: "x" } });
    expect(stale.codes).toEqual(["CONFLICT"]);
    expect(stale.errors[0]!.extensions!.current).toMatchObject({ id, fullName: "Ann Other", version: 2 });
    expect(await writes()).toEqual(before);
  });

  it("refuses bad input with BAD_USER_INPUT and the field errors, writing nothing", async () => {
    const before = await writes();
    const bad = await gql(coordA, CREATE, {
      input: { studyId: "nope", subjectId: "A-11", fullName: "a".repeat(5000), coordinatorId: f.users.coordA.id, dob: "2023-02-30", sexAtBirth: "x" },
    });
    expect(bad.codes).toEqual(["BAD_USER_INPUT"]);
    expect(Object.keys(bad.errors[0]!.extensions!.fieldErrors as object)).toEqual(expect.arrayContaining(["studyId", "fullName", "dob", "sexAtBirth"]));
    const wrongType = await gql(coordA, CREATE, { input: { studyId: 5, subjectId: ["x"] } });
    expect(wrongType.codes[0]).toBe("BAD_USER_INPUT");
    const nothing = await gql(coordA, UPDATE, { id: f.subjectA.id, input: { version: 1 } });
    expect(nothing.codes).toEqual(["BAD_USER_INPUT"]);
    const foreign = await gql(coordA, UPDATE, { id: f.subjectB.id, input: { version: 1, fullName: "Mine now", reason: "x" } });
    expect(foreign.codes).toEqual(["NOT_FOUND"]);
    const sponsorWrite = await gql(sponsor, UPDATE, { id: f.subjectA.id, input: { version: 1, fullName: "Sponsor edit", reason: "x" } });
    expect(sponsorWrite.codes).toEqual(["FORBIDDEN"]);
    expect(await writes()).toEqual(before);
  });
});
