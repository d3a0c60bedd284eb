/**
 * GraphQL role × resource × own-site/foreign-site matrix, mirroring the REST role tests in
 * lib/api/resources/*\/*-api.test.ts: who lists what, who fetches a site-A or site-B record (a
 * foreign record is NOT_FOUND), who may create a site-A record (FORBIDDEN where REST says 403,
 * NOT_FOUND where REST says 404, and nothing written on a refusal), and sponsor de-identification
 * checked on the data GraphQL returns.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { PgTable } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { adverseEvents, auditEvents, screenings, studies, subjectNotes, subjects, visits } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { addScreening, addSubject, countRows } from "@/tests/fixtures-screening";
import { makeVisit } from "@/tests/fixtures-visits";
import { makeUser, twoSites } from "@/tests/fixtures";
import { tokenFor } from "@/tests/api/client";
import { gql } from "./test-client";

withTestDb();

type Row = Record<string, unknown>;
type Fixture = Awaited<ReturnType<typeof twoSites>>;
type Site = "A" | "B";
const CALLERS = ["coordA", "invA", "coordB", "sponsor", "noGrant", "admin"] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = "created" | "FORBIDDEN" | "NOT_FOUND";

/** Which sites' records each caller reads — the same for every resource (REST's matrices). */
const SEES: Record<Caller, Site[]> = { coordA: ["A"], invA: ["A"], coordB: ["B"], sponsor: ["A"], noGrant: [], admin: ["A", "B"] };
/** Callers who get identifying data (everyone but sponsors). */
const IDENTIFIED: ReadonlySet<Caller> = new Set<Caller>(["coordA", "invA", "coordB", "admin"]);
/** Text only identified callers may see; none of it may reach a sponsor. */
const SECRETS = ["Alice", "1970-05-02", "Ms Smith", "Exclusion 3", "Ohio", "diary"];

const DAY = 86_400_000;
let counter = 0;
const next = () => ++counter;

let f: Fixture;
const tokens = {} as Record<Caller, string>;
/** Per resource, its site-A and site-B record. */
const records = {} as Record<string, Record<Site, string>>;

type ResourceCase = {
  plural: string;
  singular: string;
  /** Selection: ids, site and every field de-identification touches. */
  selection: string;
  table: PgTable;
  /** Text on the site-A record that identified callers see (shows the sponsor's nulls are not blanket nulls). */
  secret?: string;
  mutation: string;
  inputType: string;
  input: (n: number) => Promise<Row> | Row;
  /** REST's answer to a create of a site-A record: 201 → created, 403 → FORBIDDEN, 404 → NOT_FOUND. */
  create: Record<Caller, Outcome>;
};

const EMBED = "subject { subjectId fullName dob }";
const STAFF_ONLY: Record<Caller, Outcome> = { coordA: "created", invA: "created", coordB: "NOT_FOUND", sponsor: "FORBIDDEN", noGrant: "FORBIDDEN", admin: "FORBIDDEN" };

const RESOURCES: ResourceCase[] = [
  {
    plural: "studies",
    singular: "study",
    selection: "id siteId siteName",
    table: studies,
    mutation: "createStudy",
    inputType: "CreateStudyInput",
    input: (n) => ({ protocolId: `GM-${n}`, title: "Matrix", status: "recruiting", principalInvestigatorId: f.users.invA.id, siteId: f.siteA.id }),
    // study.manage is an admin's, whatever the site.
    create: { coordA: "FORBIDDEN", invA: "FORBIDDEN", coordB: "FORBIDDEN", sponsor: "FORBIDDEN", noGrant: "FORBIDDEN", admin: "created" },
  },
  {
    plural: "subjects",
    singular: "subject",
    selection: "id siteId subjectId fullName dob consentSignedAt withdrawalReason",
    table: subjects,
    secret: "Alice Anders",
    mutation: "createSubject",
    inputType: "CreateSubjectInput",
    input: (n) => ({ studyId: f.studyA.id, subjectId: `A-G${n}`, fullName: "Matrix Person", coordinatorId: f.users.coordA.id, dob: "1990-02-03", sexAtBirth: "female", consentSignedAt: null }),
    create: STAFF_ONLY,
  },
  {
    plural: "screenings",
    singular: "screening",
    selection: `id siteId notes failReason ${EMBED}`,
    table: screenings,
    secret: "Ms Smith",
    mutation: "recordScreening",
    inputType: "RecordScreeningInput",
    // A fresh site-A subject per case, so a success changes nothing another case relies on.
    input: async () => ({ subjectId: (await addSubject(f, "A")).id, subjectVersion: 1, screeningStatus: "pending", screeningDate: "2025-02-01" }),
    create: STAFF_ONLY,
  },
  {
    plural: "visits",
    singular: "visit",
    selection: `id siteId statusReason ${EMBED}`,
    table: visits,
    secret: "Ohio",
    mutation: "scheduleVisit",
    inputType: "ScheduleVisitInput",
    input: (n) => ({
      subjectId: f.subjectA.id,
      visitType: "unscheduled",
      scheduledAt: new Date(Math.floor((Date.now() + (n + 1) * DAY) / 60_000) * 60_000).toISOString(),
      location: null,
    }),
    // scheduleVisit loads the subject through the scope before asking the role: no grant → not found.
    create: STAFF_ONLY,
  },
  {
    plural: "adverseEvents",
    singular: "adverseEvent",
    selection: `id siteId eventTerm ${EMBED}`,
    table: adverseEvents,
    secret: "Alice Anders",
    mutation: "reportAdverseEvent",
    inputType: "ReportAdverseEventInput",
    input: () => ({ subjectId: f.subjectA.id, eventTerm: "Fatigue", severity: "mild", grade: 1, serious: false, seriousnessCriteria: [], onsetDate: "2024-06-01" }),
    create: STAFF_ONLY,
  },
  {
    plural: "subjectNotes",
    singular: "subjectNote",
    selection: `id siteId noteType noteText ${EMBED}`,
    table: subjectNotes,
    secret: "diary",
    mutation: "createSubjectNote",
    inputType: "CreateSubjectNoteInput",
    input: () => ({ subjectId: f.subjectA.id, noteType: "general", noteText: "Matrix" }),
    create: STAFF_ONLY,
  },
];

const TABLES: Record<string, PgTable> = { studies, subjects, screenings, visits, adverseEvents, subjectNotes, auditEvents };

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) out[name] = await countRows(table);
  return out;
}

/** A sponsor's view: no names, no full dates of birth, no free text — anywhere in the record. */
function expectDeidentified(row: Row, label: string) {
  const text = JSON.stringify(row);
  for (const secret of SECRETS) expect(text, label).not.toContain(secret);
  for (const key of ["fullName", "notes", "failReason", "statusReason", "noteText", "withdrawalReason", "consentSignedAt"]) {
    if (key in row) expect(row[key], `${label}: ${key}`).toBeNull();
  }
  if (row.dob != null) expect(row.dob, `${label}: dob`).toMatch(/^\d{4}$/);
  if (row.subject && typeof row.subject === "object") expectDeidentified(row.subject as Row, `${label}: subject`);
}

function expectVisibleData(caller: Caller, resource: ResourceCase, row: Row, site: Site) {
  const label = `${caller} ${resource.singular} ${site}`;
  if (!IDENTIFIED.has(caller)) expectDeidentified(row, label);
  else if (site === "A" && resource.secret) expect(JSON.stringify(row), label).toContain(resource.secret);
}

beforeAll(async () => {
  f = await twoSites();
  const noGrant = await makeUser("sponsor_none_gql", "sponsor", null);
  const ids: Record<Caller, string> = {
    coordA: f.users.coordA.id,
    invA: f.users.invA.id,
    coordB: f.users.coordB.id,
    sponsor: f.users.sponsor.id,
    noGrant: noGrant.id,
    admin: f.users.admin.id,
  };
  for (const caller of CALLERS) tokens[caller] = await tokenFor(ids[caller]);
  await consentBoth(f);

  const screeningA = await addScreening(f.subjectA, f.users.coordA.id, { screeningStatus: "failed", notes: "Spoke to Ms Smith", failReason: "Exclusion 3" });
  const screeningB = await addScreening(f.subjectB, f.users.coordB.id, { notes: "Site B notes" });
  const visitA = await makeVisit(f, { scheduledAt: new Date("2025-06-10T14:00:00Z"), visitStatus: "canceled", statusReason: "Moved to Ohio" });
  const visitB = await makeVisit(f, { scheduledAt: new Date("2025-06-10T10:00:00Z") }, "B");
  const aeA = await insertAe(f, { eventTerm: "Nausea" });
  const aeB = await insertAe(f, { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, eventTerm: "Rash", reportedById: f.users.coordB.id });
  // No note helper among the fixtures: one row per site, straight into the table like the others.
  const [noteA, noteB] = await (await getDb())
    .insert(subjectNotes)
    .values([
      { siteId: f.siteA.id, studyId: f.studyA.id, subjectId: f.subjectA.id, authorId: f.users.coordA.id, noteType: "call", noteText: "Called Alice about her diary" },
      { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, authorId: f.users.coordB.id, noteType: "call", noteText: "Bob rescheduled" },
    ])
    .returning();

  records.studies = { A: f.studyA.id, B: f.studyB.id };
  records.subjects = { A: f.subjectA.id, B: f.subjectB.id };
  records.screenings = { A: screeningA.id, B: screeningB.id };
  records.visits = { A: visitA.id, B: visitB.id };
  records.adverseEvents = { A: aeA.id, B: aeB.id };
  records.subjectNotes = { A: noteA!.id, B: noteB!.id };
});

const product = <T, U>(xs: readonly T[], ys: readonly U[]) => xs.flatMap((x) => ys.map((y) => [x, y] as const));
const listCases = product(RESOURCES, CALLERS).map(([resource, caller]) => ({ name: resource.plural, resource, caller }));
const getCases = product(listCases, ["A", "B"] as const).map(([c, site]) => ({ ...c, name: c.resource.singular, site }));
const createCases = listCases.map((c) => ({ ...c, name: c.resource.mutation, outcome: c.resource.create[c.caller] }));

describe("GraphQL role × site matrix", () => {
  it.each(listCases)("$name as $caller lists only the sites the caller may see", async ({ resource, caller }) => {
    const r = await gql<Record<string, { data: Row[] }>>(tokens[caller], `{ ${resource.plural}(limit: 200) { data { ${resource.selection} } nextCursor } }`);
    expect(r.errors).toEqual([]);
    const rows = r.data![resource.plural]!.data;
    const sites = new Set(rows.map((row) => (row.siteId === f.siteA.id ? "A" : row.siteId === f.siteB.id ? "B" : String(row.siteId))));
    expect([...sites].sort()).toEqual(SEES[caller]);
    const ids = rows.map((row) => row.id);
    for (const site of ["A", "B"] as const) {
      if (SEES[caller].includes(site)) expect(ids).toContain(records[resource.plural]![site]);
      else expect(ids).not.toContain(records[resource.plural]![site]);
    }
    for (const row of rows) expectVisibleData(caller, resource, row, row.siteId === f.siteA.id ? "A" : "B");
    if (!IDENTIFIED.has(caller)) expect(JSON.stringify(r)).not.toMatch(new RegExp(SECRETS.join("|")));
  });

  it.each(getCases)("$name of site $site as $caller: data if visible, else NOT_FOUND", async ({ resource, caller, site }) => {
    const id = records[resource.plural]![site];
    const r = await gql<Record<string, Row>>(tokens[caller], `query($id: ID!) { ${resource.singular}(id: $id) { ${resource.selection} } }`, { id });
    if (SEES[caller].includes(site)) {
      expect(r.errors).toEqual([]);
      const row = r.data![resource.singular]!;
      expect(row).toMatchObject({ id, siteId: site === "A" ? f.siteA.id : f.siteB.id });
      expectVisibleData(caller, resource, row, site);
    } else {
      expect(r.codes).toEqual(["NOT_FOUND"]);
      expect(r.data).toBeNull();
      // The refusal says nothing about the record.
      expect(JSON.stringify(r.errors)).not.toMatch(new RegExp([...SECRETS, "Bob", "Site B notes", "Rash", "Nausea"].join("|")));
    }
  });

  it.each(createCases)("$name for site A as $caller → $outcome", async ({ resource, caller, outcome }) => {
    const input = await resource.input(next());
    const before = await counts();
    const r = await gql<Record<string, Row>>(tokens[caller], `mutation($i: ${resource.inputType}!) { ${resource.mutation}(input: $i) { id siteId } }`, { i: input });
    const after = await counts();
    if (outcome === "created") {
      expect(r.errors).toEqual([]);
      expect(r.data![resource.mutation]!.siteId).toBe(f.siteA.id);
      const table = Object.entries(TABLES).find(([, t]) => t === resource.table)![0];
      expect(after[table]).toBe(before[table]! + 1);
      expect(after.auditEvents).toBeGreaterThan(before.auditEvents!);
      for (const name of Object.keys(TABLES)) if (name !== table && name !== "auditEvents") expect(after[name], name).toBe(before[name]);
    } else {
      expect(r.codes).toEqual([outcome]);
      expect(r.data).toBeNull();
      expect(after).toEqual(before);
    }
  });
});
