/**
 * GraphQL for screenings, visits, adverse events, subject notes and studies: REST's filters, order
 * and cursor through the same list functions, embeds in a fixed number of queries, foreign ids as
 * NOT_FOUND, sponsor de-identification, and each resource's create/update through REST's logic.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { adverseEvents, auditEvents, screenings, studies, subjectNotes, visits } from "@/db/schema";
import { countQueries, withTestDb } from "@/tests/db";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { addScreening, addSubject, countRows } from "@/tests/fixtures-screening";
import { makeVisit } from "@/tests/fixtures-visits";
import { twoSites } from "@/tests/fixtures";
import { tokenFor } from "@/tests/api/client";
import { gql } from "./test-client";

withTestDb();

type Fixture = Awaited<ReturnType<typeof twoSites>>;
type Row = Record<string, unknown>;
type Page = { data: Row[]; nextCursor: string | null };
const HOSTILE = `<script>alert(1)</script>'); DELETE FROM subjects; --`;

let f: Fixture;
let coordA: string;
let invA: string;
let sponsor: string;
let admin: string;
let screened: Awaited<ReturnType<typeof addSubject>>;

beforeAll(async () => {
  f = await twoSites();
  coordA = await tokenFor(f.users.coordA.id);
  invA = await tokenFor(f.users.invA.id);
  sponsor = await tokenFor(f.users.sponsor.id);
  admin = await tokenFor(f.users.admin.id);
  await consentBoth(f);
  screened = await addSubject(f, "A");
  // 20 screenings on site A (one per day of January), 1 on site B.
  for (let day = 1; day <= 20; day += 1) {
    await addScreening(screened, f.users.coordA.id, { screeningDate: `2025-01-${String(day).padStart(2, "0")}`, notes: `Notes about Ms Smith ${day}`, screeningStatus: day % 5 === 0 ? "passed" : "pending" });
  }
  await addScreening(f.subjectB, f.users.coordB.id, { screeningDate: "2025-01-15", notes: "Site B notes" });
});

/** All pages of a list query, following nextCursor. */
async function allPages(token: string, field: string, args: string, selection = "id") {
  const ids: unknown[] = [];
  let cursor: string | null = null;
  do {
    const r: Awaited<ReturnType<typeof gql<Record<string, Page>>>> = await gql<Record<string, Page>>(
      token,
      `query($c: String) { ${field}(${args}${args ? ", " : ""}cursor: $c) { data { ${selection} } nextCursor } }`,
      { c: cursor },
    );
    expect(r.errors).toEqual([]);
    ids.push(...r.data![field]!.data.map((x) => x[selection.split(" ")[0]!]));
    cursor = r.data![field]!.nextCursor;
  } while (cursor);
  return ids;
}

describe("GraphQL screenings", () => {
  it("lists with REST's filters, order and cursor", async () => {
    const dates = await allPages(coordA, "screenings", "limit: 7", "screeningDate");
    expect(dates).toHaveLength(20);
    expect(dates[0]).toBe("2025-01-20"); // REST's default order: -screeningDate
    expect([...dates].sort().reverse()).toEqual(dates);
    const ascending = await allPages(coordA, "screenings", 'limit: 6, order: "screeningDate", screeningFrom: "2025-01-03", screeningTo: "2025-01-10"', "screeningDate");
    expect(ascending).toEqual(["03", "04", "05", "06", "07", "08", "09", "10"].map((d) => `2025-01-${d}`));
    const passed = await gql<{ screenings: Page }>(coordA, `{ screenings(screeningStatus: "passed", subjectId: "${screened.id}", studyId: "${f.studyA.id}") { data { screeningDate } } }`);
    expect(passed.data!.screenings.data.map((s) => s.screeningDate)).toEqual(["2025-01-20", "2025-01-15", "2025-01-10", "2025-01-05"]);
    const badRange = await gql(coordA, '{ screenings(screeningFrom: "2025-02-01", screeningTo: "2025-01-01") { data { id } } }');
    expect(badRange.codes).toEqual(["BAD_USER_INPUT"]);
  });

  it("resolves nested subject, study and completedBy in the same number of queries for 20 rows as for 2", async () => {
    const query = (limit: number) => `{ screenings(limit: ${limit}) { data { id subject { subjectId fullName } study { protocolId } completedBy { username } } } }`;
    const two = await countQueries(() => gql<{ screenings: Page }>(coordA, query(2)));
    const twenty = await countQueries(() => gql<{ screenings: Page }>(coordA, query(20)));
    expect(two.result.data!.screenings.data).toHaveLength(2);
    expect(twenty.result.data!.screenings.data).toHaveLength(20);
    expect(twenty.result.data!.screenings.data.every((s) => (s.subject as Row).subjectId === screened.subjectId && (s.study as Row).protocolId === "A-001")).toBe(true);
    // No query per row: the page reads the same for 20 rows as for 2.
    expect(twenty.queries).toBe(two.queries);
    expect(twenty.queries).toBeLessThanOrEqual(2); // the token check, the page
    // 2 rows cost 18 units, within the one rate-limit token every request pays; 20 rows cost 162:
    // one more bookkeeping round trip charges the second token (lib/graphql/rate-cost.ts).
    expect(twenty.bookkeeping).toBe(two.bookkeeping + 1);
  });

  it("de-identifies for a sponsor and hides another site's screening", async () => {
    const r = await gql<{ screenings: Page }>(sponsor, "{ screenings(limit: 200) { data { siteId notes failReason subject { fullName dob } } } }");
    expect(r.data!.screenings.data).toHaveLength(20);
    expect(r.data!.screenings.data.every((s) => s.siteId === f.siteA.id && s.notes === null && (s.subject as Row).fullName === null)).toBe(true);
    expect(JSON.stringify(r)).not.toContain("Smith");
    const foreign = await addScreening(f.subjectB, f.users.coordB.id, { screeningDate: "2025-01-16" });
    for (const token of [coordA, sponsor]) expect((await gql(token, `{ screening(id: "${foreign.id}") { id notes } }`)).codes).toEqual(["NOT_FOUND"]);
  });

  it("records and corrects a screening; a stale version is CONFLICT and writes nothing", async () => {
    const subject = await addSubject(f, "A");
    const created = await gql<{ recordScreening: Row }>(coordA, "mutation($i: RecordScreeningInput!) { recordScreening(input: $i) { id screeningStatus notes version subject { status } } }", {
      i: { subjectId: subject.id, subjectVersion: 1, screeningStatus: "failed", screeningDate: "2025-02-01", notes: HOSTILE, failReason: HOSTILE },
    });
    expect(created.errors).toEqual([]);
    expect(created.data!.recordScreening).toMatchObject({ screeningStatus: "failed", notes: HOSTILE, version: 1, subject: { status: "screen_failed" } });
    const id = created.data!.recordScreening.id as string;
    const update = "mutation($id: ID!, $i: UpdateScreeningInput!) { updateScreening(id: $id, input: $i) { screeningDate version } }";
    const edited = await gql<{ updateScreening: Row }>(invA, update, { id, i: { version: 1, reason: "Wrong day", screeningDate: "2025-02-03" } });
    expect(edited.data!.updateScreening).toEqual({ screeningDate: "2025-02-03", version: 2 });
    const before = { rows: await countRows(screenings), audit: await countRows(auditEvents) };
    const stale = await gql(invA, update, { id, i: { version: 1, reason: "Late", notes: "lost" } });
    expect(stale.codes).toEqual(["CONFLICT"]);
    expect(stale.errors[0]!.extensions!.current).toMatchObject({ id, version: 2, screeningDate: "2025-02-03" });
    const bad = await gql(invA, update, { id, i: { version: 2, reason: "r", screeningDate: "2025-02-30" } });
    expect(bad.codes).toEqual(["BAD_USER_INPUT"]);
    expect(bad.errors[0]!.extensions!.fieldErrors).toHaveProperty("screeningDate");
    expect({ rows: await countRows(screenings), audit: await countRows(auditEvents) }).toEqual(before);
  });
});

describe("GraphQL visits", () => {
  it("lists with filters, order and cursor, embeds joined; foreign is NOT_FOUND; sponsors get no free text", async () => {
    const a1 = await makeVisit(f, { scheduledAt: new Date("2025-06-09T14:00:00Z") });
    const a2 = await makeVisit(f, { scheduledAt: new Date("2025-06-10T14:00:00Z"), visitStatus: "canceled", statusReason: "Moved to Ohio with Dr. Jones" });
    const a3 = await makeVisit(f, { scheduledAt: new Date("2025-06-11T14:00:00Z") });
    const b1 = await makeVisit(f, { scheduledAt: new Date("2025-06-10T10:00:00Z") }, "B");
    expect(await allPages(coordA, "visits", 'limit: 1, order: "-scheduledAt"')).toEqual([a3.id, a2.id, a1.id]);
    const week = await gql<{ visits: Page }>(coordA, '{ visits(visitStatus: "scheduled", scheduledFrom: "2025-06-09T00:00:00Z", scheduledTo: "2025-06-11T00:00:00Z") { data { id subject { subjectId } coordinator { username } } } }');
    expect(week.data!.visits.data).toEqual([{ id: a1.id, subject: { subjectId: "A-01" }, coordinator: { username: "coord_a" } }]);
    expect((await gql(coordA, `{ visit(id: "${b1.id}") { id } }`)).codes).toEqual(["NOT_FOUND"]);
    const bySponsor = await gql<{ visit: Row }>(sponsor, `{ visit(id: "${a2.id}") { statusReason subject { fullName } } }`);
    expect(bySponsor.data!.visit).toEqual({ statusReason: null, subject: { fullName: null } });
  });

  it("schedules and cancels; a stale version is CONFLICT and writes nothing", async () => {
    const at = new Date(Math.floor((Date.now() + 7 * 86_400_000) / 60_000) * 60_000);
    const created = await gql<{ scheduleVisit: Row }>(coordA, "mutation($i: ScheduleVisitInput!) { scheduleVisit(input: $i) { id scheduledAt location visitStatus version } }", {
      i: { subjectId: f.subjectA.id, visitType: "unscheduled", scheduledAt: at.toISOString(), location: HOSTILE },
    });
    expect(created.errors).toEqual([]);
    expect(created.data!.scheduleVisit).toMatchObject({ scheduledAt: at.toISOString(), location: HOSTILE, visitStatus: "scheduled", version: 1 });
    const id = created.data!.scheduleVisit.id as string;
    const update = "mutation($id: ID!, $i: UpdateVisitInput!) { updateVisit(id: $id, input: $i) { visitStatus version } }";
    const canceled = await gql<{ updateVisit: Row }>(coordA, update, { id, i: { version: 1, visitStatus: "canceled", reason: "Patient asked" } });
    expect(canceled.data!.updateVisit).toEqual({ visitStatus: "canceled", version: 2 });
    const before = { rows: await countRows(visits), audit: await countRows(auditEvents) };
    const stale = await gql(coordA, update, { id, i: { version: 1, visitStatus: "missed" } });
    expect(stale.codes).toEqual(["CONFLICT"]);
    expect(stale.errors[0]!.extensions!.current).toMatchObject({ id, version: 2, visitStatus: "canceled" });
    expect((await gql(sponsor, update, { id, i: { version: 2, visitStatus: "missed" } })).codes).toEqual(["FORBIDDEN"]);
    expect({ rows: await countRows(visits), audit: await countRows(auditEvents) }).toEqual(before);
  });
});

describe("GraphQL adverse events", () => {
  it("lists with the boolean `serious` filter, onset range, order and cursor; foreign is NOT_FOUND", async () => {
    const serious = await insertAe(f, { eventTerm: "Nausea", serious: true, seriousnessCriteria: ["hospitalization"], severity: "severe", onsetDate: "2024-03-01" });
    const mild = await insertAe(f, { eventTerm: "Headache", onsetDate: "2024-02-01" });
    const foreign = await insertAe(f, { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, eventTerm: "Rash", reportedById: f.users.coordB.id });
    expect(await allPages(coordA, "adverseEvents", "limit: 1")).toEqual([serious.id, mild.id]);
    const r = await gql<{ adverseEvents: Page }>(coordA, "{ adverseEvents(serious: true) { data { id serious seriousnessCriteria subject { fullName } reportedBy { username } } } }");
    expect(r.data!.adverseEvents.data).toEqual([{ id: serious.id, serious: true, seriousnessCriteria: ["hospitalization"], subject: { fullName: "Alice Anders" }, reportedBy: { username: "coord_a" } }]);
    const notSerious = await gql<{ adverseEvents: Page }>(coordA, '{ adverseEvents(serious: false, onsetFrom: "2024-01-01", onsetTo: "2024-02-15", order: "onsetDate") { data { id } } }');
    expect(notSerious.data!.adverseEvents.data.map((a) => a.id)).toEqual([mild.id]);
    expect((await gql(coordA, `{ adverseEvent(id: "${foreign.id}") { id } }`)).codes).toEqual(["NOT_FOUND"]);
    const bySponsor = await gql<{ adverseEvents: Page }>(sponsor, "{ adverseEvents { data { subject { fullName dob } } } }");
    expect(bySponsor.data!.adverseEvents.data.every((a) => (a.subject as Row).fullName === null)).toBe(true);
  });

  it("reports and edits; stale version → CONFLICT, bad input → BAD_USER_INPUT, nothing written", async () => {
    const created = await gql<{ reportAdverseEvent: Row }>(coordA, "mutation($i: ReportAdverseEventInput!) { reportAdverseEvent(input: $i) { id eventTerm version status study { protocolId } } }", {
      i: { subjectId: f.subjectA.id, eventTerm: HOSTILE, severity: "moderate", grade: 2, serious: false, seriousnessCriteria: [], onsetDate: "2024-06-01", awareAt: "2024-06-02T10:00:00Z" },
    });
    expect(created.errors).toEqual([]);
    expect(created.data!.reportAdverseEvent).toMatchObject({ eventTerm: HOSTILE, version: 1, study: { protocolId: "A-001" } });
    const id = created.data!.reportAdverseEvent.id as string;
    const update = "mutation($id: ID!, $i: UpdateAdverseEventInput!) { updateAdverseEvent(id: $id, input: $i) { severity version } }";
    expect((await gql<{ updateAdverseEvent: Row }>(coordA, update, { id, i: { version: 1, severity: "severe", reason: "Follow-up call" } })).data!.updateAdverseEvent).toEqual({ severity: "severe", version: 2 });
    const before = { rows: await countRows(adverseEvents), audit: await countRows(auditEvents) };
    const stale = await gql(coordA, update, { id, i: { version: 1, severity: "mild", reason: "x" } });
    expect(stale.codes).toEqual(["CONFLICT"]);
    expect(stale.errors[0]!.extensions!.current).toMatchObject({ id, severity: "severe", version: 2 });
    const bad = await gql(coordA, "mutation($i: ReportAdverseEventInput!) { reportAdverseEvent(input: $i) { id } }", {
      i: { subjectId: f.subjectA.id, eventTerm: "x".repeat(5000), severity: "apocalyptic", grade: 9, serious: false, seriousnessCriteria: [], onsetDate: "2024-02-30" },
    });
    expect(bad.codes).toEqual(["BAD_USER_INPUT"]);
    expect(Object.keys(bad.errors[0]!.extensions!.fieldErrors as object).length).toBeGreaterThan(0);
    expect({ rows: await countRows(adverseEvents), audit: await countRows(auditEvents) }).toEqual(before);
  });
});

describe("GraphQL subject notes", () => {
  it("creates, lists, edits; sponsors get no note text; stale version → CONFLICT", async () => {
    const create = "mutation($i: CreateSubjectNoteInput!) { createSubjectNote(input: $i) { id noteText noteType version author { username } } }";
    const first = await gql<{ createSubjectNote: Row }>(coordA, create, { i: { subjectId: f.subjectA.id, noteType: "general", noteText: HOSTILE } });
    expect(first.errors).toEqual([]);
    expect(first.data!.createSubjectNote).toMatchObject({ noteText: HOSTILE, noteType: "general", version: 1, author: { username: "coord_a" } });
    const second = await gql<{ createSubjectNote: Row }>(coordA, create, { i: { subjectId: f.subjectA.id, noteType: "call", noteText: "Called Ms Smith" } });
    const [a, b] = [first.data!.createSubjectNote.id, second.data!.createSubjectNote.id];
    expect(await allPages(coordA, "subjectNotes", `limit: 1, subjectId: "${f.subjectA.id}", order: "createdAt"`)).toEqual([a, b]);
    const calls = await gql<{ subjectNotes: Page }>(coordA, '{ subjectNotes(noteType: "call") { data { id } } }');
    expect(calls.data!.subjectNotes.data.map((n) => n.id)).toEqual([b]);
    const bySponsor = await gql<{ subjectNotes: Page }>(sponsor, "{ subjectNotes { data { noteText subject { fullName } } } }");
    expect(bySponsor.data!.subjectNotes.data).toHaveLength(2);
    expect(JSON.stringify(bySponsor)).not.toMatch(/Smith|Alice|script/);
    expect((await gql(await tokenFor(f.users.coordB.id), `{ subjectNote(id: "${a}") { id } }`)).codes).toEqual(["NOT_FOUND"]);

    const update = "mutation($id: ID!, $i: UpdateSubjectNoteInput!) { updateSubjectNote(id: $id, input: $i) { noteType version } }";
    expect((await gql<{ updateSubjectNote: Row }>(coordA, update, { id: a, i: { version: 1, noteType: "visit", reason: "Wrong type" } })).data!.updateSubjectNote).toEqual({ noteType: "visit", version: 2 });
    const before = { rows: await countRows(subjectNotes), audit: await countRows(auditEvents) };
    expect((await gql(coordA, update, { id: a, i: { version: 1, noteText: "Lost", reason: "x" } })).codes).toEqual(["CONFLICT"]);
    expect((await gql(invA, update, { id: a, i: { version: 2, noteText: "Not mine", reason: "x" } })).codes).toEqual(["FORBIDDEN"]);
    expect({ rows: await countRows(subjectNotes), audit: await countRows(auditEvents) }).toEqual(before);
  });
});

describe("GraphQL studies", () => {
  it("lists the caller's studies with filters and embeds; admins create and edit; stale version → CONFLICT", async () => {
    const own = await gql<{ studies: Page }>(coordA, "{ studies { data { protocolId principalInvestigator { username } site { name timezone } } } }");
    expect(own.data!.studies.data).toEqual([{ protocolId: "A-001", principalInvestigator: { username: "inv_a" }, site: { name: "Site A", timezone: "America/New_York" } }]);
    expect((await gql(coordA, `{ study(id: "${f.studyB.id}") { id } }`)).codes).toEqual(["NOT_FOUND"]);
    expect(await allPages(admin, "studies", 'limit: 1, order: "-protocolId"', "protocolId")).toEqual(["B-001", "A-001"]);
    const bySite = await gql<{ studies: Page }>(admin, `{ studies(siteId: "${f.siteB.id}", status: "recruiting") { data { protocolId } } }`);
    expect(bySite.data!.studies.data).toEqual([{ protocolId: "B-001" }]);

    const created = await gql<{ createStudy: Row }>(admin, "mutation($i: CreateStudyInput!) { createStudy(input: $i) { id protocolId title siteName version } }", {
      i: { protocolId: "NEW-1", title: HOSTILE, status: "not_yet_recruiting", principalInvestigatorId: f.users.invB.id, siteId: f.siteB.id },
    });
    expect(created.errors).toEqual([]);
    expect(created.data!.createStudy).toMatchObject({ protocolId: "NEW-1", title: HOSTILE, siteName: "Site B", version: 1 });
    const id = created.data!.createStudy.id as string;
    const update = "mutation($id: ID!, $i: UpdateStudyInput!) { updateStudy(id: $id, input: $i) { status version } }";
    expect((await gql<{ updateStudy: Row }>(admin, update, { id, i: { version: 1, status: "recruiting" } })).data!.updateStudy).toEqual({ status: "recruiting", version: 2 });
    const before = { rows: await countRows(studies), audit: await countRows(auditEvents) };
    expect((await gql(admin, update, { id, i: { version: 1, title: "Lost" } })).codes).toEqual(["CONFLICT"]);
    expect((await gql(coordA, update, { id: f.studyA.id, i: { version: 1, title: "Mine" } })).codes).toEqual(["FORBIDDEN"]);
    expect({ rows: await countRows(studies), audit: await countRows(auditEvents) }).toEqual(before);
  });
});
