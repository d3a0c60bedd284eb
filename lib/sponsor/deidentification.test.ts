/**
 * docs/product.md, "Sponsor view": a sponsor sees no full name, no full date of birth (year only) and no note text —
 * enforced in the queries. This file calls EVERY read a sponsor can reach, as a sponsor, on data
 * written through the real write functions (so the audit trail carries names, notes and reasons
 * too), and checks the DATA RETURNED, serialised whole — not a page, not a column list. It also
 * checks that a study not granted to the sponsor is not found or absent, and that the same reads
 * as site staff do contain the secrets (so the test would notice if the data lacked them).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { subjects, visits as visitsTable, type Subject, type Visit } from "@/db/schema";
import { withTestDb, testDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { addSchedule } from "@/tests/fixtures-subjects";
import { makeVisit } from "@/tests/fixtures-visits";
import type { Actor } from "@/lib/actor";
import { addDaysIso, siteToday } from "@/lib/dates";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { aeListSpec, getAdverseEvent, listAdverseEvents } from "@/lib/adverse-events/queries";
import { reportAdverseEvent } from "@/lib/adverse-events/report";
import { updateAdverseEvent } from "@/lib/adverse-events/update";
import { getCoordinatorDashboard } from "@/lib/dashboard/queries";
import { selectHistory } from "@/lib/history";
import { parseList } from "@/lib/list/params";
import { createNote } from "@/lib/notes/create";
import { updateNote } from "@/lib/notes/update";
import { exportScreeningQueue, listScreeningQueue } from "@/lib/screenings/queries";
import { parseQueueParams } from "@/lib/screenings/queue-params";
import { recordScreening } from "@/lib/screenings/record";
import { createSubject } from "@/lib/subjects/create";
import { enrollSubject } from "@/lib/subjects/enroll";
import { parseSubjectList } from "@/lib/subjects/list-params";
import { exportSubjects, getSubject, listRecentSubjects, listSubjects } from "@/lib/subjects/queries";
import { updateSubject } from "@/lib/subjects/update";
import { withdrawSubject } from "@/lib/subjects/withdraw";
import { getSubjectTimeline } from "@/lib/timeline/subject-timeline";
import { cancelVisit } from "@/lib/visits/cancel";
import { getVisit, listFlaggedVisits, listVisitHistory, listVisitsInRange } from "@/lib/visits/queries";
import { getStudyOverview, listSponsorStudies } from "./queries";

withTestDb();

// Distinctive values: none may appear anywhere in what a sponsor gets back.
const NAME = "Xanthippe Vorobyova";
const RENAMED = "Xanthippe Vorobyova-Kell";
const FAILED_NAME = "Quirinus Abernathy-Lutz";
const DOB = "1963-07-19";
const FAILED_DOB = "1958-11-23";
const SECRETS = {
  names: [NAME, RENAMED, FAILED_NAME, "Vorobyova", "Abernathy", "Alice Anders", "Bob Brown"],
  dobs: [DOB, FAILED_DOB, "1970-05-02", "1980-01-01"],
  text: [
    "SCREENNOTE-walrus",
    "FAILREASON-otter",
    "FAILNOTE-badger",
    "WITHDRAWREASON-heron",
    "CANCELREASON-ibis",
    "NOTETEXT-pelican",
    "NOTEEDIT-puffin",
    "EDITREASON-lynx",
    "NOTEREASON-marten",
    "AEREASON-stoat",
    "SITEB-NOTE-gannet",
  ],
};
const ALL_SECRETS = [...SECRETS.names, ...SECRETS.dobs, ...SECRETS.text];

let f: Awaited<ReturnType<typeof twoSites>>;
let sponsor: Actor;
let coordA: Actor;
let subject: Subject;
let failed: Subject;
let canceledVisit: Visit;
let aeId: string;
let foreign: { visitId: string; aeId: string };
const now = new Date();

beforeAll(async () => {
  f = await twoSites();
  sponsor = await f.actor(f.users.sponsor.id);
  coordA = await f.actor(f.users.coordA.id);
  const coordB = await f.actor(f.users.coordB.id);
  await addSchedule(f.studyA.id);
  const db = await testDb();

  // A subject registered, renamed (with a reason), screened with notes, enrolled, noted, reported, withdrawn.
  const created = await createSubject(coordA, {
    subjectId: "A-77",
    fullName: NAME,
    studyId: f.studyA.id,
    coordinatorId: f.users.coordA.id,
    dob: DOB,
    sexAtBirth: "female",
    consentSignedAt: "2024-03-10T10:30",
  });
  const renamed = await updateSubject(coordA, {
    id: created.id,
    version: created.version,
    subjectId: "A-77",
    fullName: RENAMED,
    coordinatorId: f.users.coordA.id,
    dob: DOB,
    sexAtBirth: "female",
    consentSignedAt: created.consentSignedAt!.toISOString(),
    reason: "EDITREASON-lynx",
  });
  const screened = await recordScreening(coordA, {
    subjectId: renamed.id,
    subjectVersion: renamed.version,
    screeningStatus: "passed",
    notes: "SCREENNOTE-walrus",
  });
  const enrolled = await enrollSubject(coordA, { id: screened.subject.id, version: screened.subject.version });
  const note = await createNote(coordA, { subjectId: renamed.id, noteType: "call", noteText: "NOTETEXT-pelican" });
  await updateNote(coordA, { id: note.id, version: note.version, noteType: "call", noteText: "NOTEEDIT-puffin", reason: "NOTEREASON-marten" });
  const ae = await reportAdverseEvent(coordA, {
    subjectId: renamed.id,
    eventTerm: "Pneumonia",
    severity: "severe",
    grade: "3",
    serious: "on",
    seriousnessCriteria: ["hospitalization"],
    onsetDate: "2024-04-01",
    awareAt: "2024-04-02T09:30",
    outcome: "",
    endDate: "",
    status: "",
  });
  await updateAdverseEvent(coordA, { id: ae.id, version: ae.version, severity: "moderate", grade: "2", reason: "AEREASON-stoat" });
  aeId = ae.id;
  const withdrawn = await withdrawSubject(coordA, { id: enrolled.subject.id, version: enrolled.subject.version, reason: "WITHDRAWREASON-heron" });
  subject = withdrawn.subject;

  // A subject who failed screening, with notes and a reason.
  const other = await createSubject(coordA, {
    subjectId: "A-78",
    fullName: FAILED_NAME,
    studyId: f.studyA.id,
    coordinatorId: f.users.coordA.id,
    dob: FAILED_DOB,
    sexAtBirth: "male",
    consentSignedAt: "2024-03-10T10:30",
  });
  failed = (
    await recordScreening(coordA, {
      subjectId: other.id,
      subjectVersion: other.version,
      screeningStatus: "failed",
      notes: "FAILNOTE-badger",
      failReason: "FAILREASON-otter",
    })
  ).subject;

  // A visit of the fixture subject, overdue then canceled with a reason; another left overdue.
  const yesterday = new Date(now.getTime() - 86_400_000);
  const visit = await makeVisit(f, { scheduledAt: yesterday, windowStart: addDaysIso(siteToday("America/New_York", now), -3), windowEnd: addDaysIso(siteToday("America/New_York", now), -2) });
  canceledVisit = await cancelVisit(coordA, { id: visit.id, version: visit.version, reason: "CANCELREASON-ibis" });
  await makeVisit(f, { scheduledAt: yesterday, windowStart: addDaysIso(siteToday("America/New_York", now), -3), windowEnd: addDaysIso(siteToday("America/New_York", now), -2) });

  // Site B's study is not granted to the sponsor.
  await db.update(subjects).set({ consentSignedAt: new Date("2024-01-10T15:00:00Z") }).where(eq(subjects.id, f.subjectB.id));
  await createNote(coordB, { subjectId: f.subjectB.id, noteType: "general", noteText: "SITEB-NOTE-gannet" });
  const foreignVisit = await makeVisit(f, { scheduledAt: yesterday }, "B");
  const foreignAe = await reportAdverseEvent(coordB, {
    subjectId: f.subjectB.id,
    eventTerm: "Rash",
    severity: "mild",
    grade: "1",
    serious: "",
    seriousnessCriteria: [],
    onsetDate: "2024-02-01",
    awareAt: "2024-02-01T10:00",
    outcome: "",
    endDate: "",
    status: "",
  });
  foreign = { visitId: foreignVisit.id, aeId: foreignAe.id };
  expect(await db.select({ id: visitsTable.id }).from(visitsTable).where(eq(visitsTable.siteId, f.siteA.id))).not.toHaveLength(0);
});

/** Every read a sponsor can reach, with arguments that cover the records above. */
async function everyRead(actor: Actor) {
  const today = siteToday("America/New_York", now);
  const range = { from: addDaysIso(today, -30), to: addDaysIso(today, 30) };
  const subjectsState = parseSubjectList({});
  const queueAll = parseQueueParams({});
  const queueFailed = parseQueueParams({ screeningStatus: "failed" });
  const aeState = parseList({}, aeListSpec);
  return {
    subject: await getSubject(actor, subject.id),
    failedSubject: await getSubject(actor, failed.id),
    fixtureSubject: await getSubject(actor, f.subjectA.id),
    recent: await listRecentSubjects(actor, 50),
    registry: await listSubjects(actor, subjectsState),
    registryExport: await exportSubjects(actor, subjectsState, 1000),
    queue: await listScreeningQueue(actor, queueAll),
    queueFailed: await listScreeningQueue(actor, queueFailed),
    queueExport: await exportScreeningQueue(actor, queueFailed),
    visitsInRange: await listVisitsInRange(actor, { ...range, now }),
    overdue: await listFlaggedVisits(actor, { flag: "overdue", now }),
    outOfWindow: await listFlaggedVisits(actor, { flag: "out_of_window", now }),
    canceledVisit: await getVisit(actor, canceledVisit.id, now),
    canceledVisitHistory: await listVisitHistory(actor, canceledVisit.id),
    aes: await listAdverseEvents(actor, aeState),
    aesExport: await listAdverseEvents(actor, { ...aeState, page: 1, pageSize: 1000 }),
    ae: await getAdverseEvent(actor, aeId),
    timeline: await getSubjectTimeline(actor, subject.id, now),
    failedTimeline: await getSubjectTimeline(actor, failed.id, now),
  };
}

describe("de-identification for sponsors", () => {
  it("returns no full name, no full date of birth and no free text from any read a sponsor can reach", async () => {
    const data = await everyRead(sponsor);
    const json = JSON.stringify(data);
    expect(ALL_SECRETS.filter((secret) => json.includes(secret))).toEqual([]);

    // Not vacuous: the records are there, with subject codes and birth years.
    expect(data.subject).toMatchObject({ subjectId: "A-77", fullName: null, dob: "1963", withdrawalReason: null });
    expect(data.failedSubject).toMatchObject({ subjectId: "A-78", fullName: null, dob: "1958" });
    expect(data.registry.rows.map((r) => r.subjectId).sort()).toEqual(["A-01", "A-77", "A-78"]);
    expect(data.registryExport.find((r) => r.subjectId === "A-77")?.dob).toBe("1963");
    expect(data.queueFailed.rows[0]?.latest).toMatchObject({ screeningStatus: "failed", notes: null, failReason: null });
    expect(data.canceledVisit).toMatchObject({ visitStatus: "canceled", subjectName: null, statusReason: null });
    expect(data.canceledVisitHistory.length).toBeGreaterThan(0);
    expect(data.ae).toMatchObject({ eventTerm: "Pneumonia", subjectName: null, consentSignedAt: null });
    expect(data.ae.history.some((h) => h.reason === "[withheld]")).toBe(true);
    const kinds = new Set(data.timeline.entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["ae", "consent", "note", "screening", "subject", "visit"]);
    expect(data.timeline.entries.find((e) => e.kind === "note")).toMatchObject({ record: { noteType: "call", noteText: null } });
  });

  it("the same reads as site staff do contain the names, dates of birth and notes (so the check above means something)", async () => {
    const json = JSON.stringify(await everyRead(coordA));
    const expected = [RENAMED, FAILED_NAME, DOB, "SCREENNOTE-walrus", "FAILREASON-otter", "WITHDRAWREASON-heron", "CANCELREASON-ibis", "NOTEEDIT-puffin", "EDITREASON-lynx", "AEREASON-stoat"];
    expect(expected.filter((secret) => !json.includes(secret))).toEqual([]);
  });

  it("the study overview is aggregates only: no identifiers, and counts that match the data", async () => {
    const overview = await getStudyOverview(sponsor, f.studyA.id, now);
    const json = JSON.stringify([overview, await listSponsorStudies(sponsor)]);
    expect(ALL_SECRETS.filter((secret) => json.includes(secret))).toEqual([]);
    expect(overview.funnel).toMatchObject({ registered: 3, screened: 2, passed: 1, failed: 1, enrolled: 1, withdrawn: 1 });
  });

  it("the history query itself withholds for a sponsor viewer (not only presentHistory afterwards)", async () => {
    const db = await testDb();
    const ids = [subject.id, failed.id, canceledVisit.id, aeId];
    const entities = ["subject", "screening", "visit", "adverse_event", "subject_note"];
    const raw = JSON.stringify(await selectHistory(db, entities, ids, { viewer: sponsor }));
    expect(ALL_SECRETS.filter((secret) => raw.includes(secret))).toEqual([]);
    expect(raw).toContain('"dob":[null,"1963"]');
    const staff = JSON.stringify(await selectHistory(db, entities, ids, { viewer: coordA }));
    expect(staff).toContain(DOB);
    expect(staff).toContain("WITHDRAWREASON-heron");
  });

  it("refuses the coordinator dashboard to a sponsor", async () => {
    await expect(getCoordinatorDashboard(sponsor, now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a study not granted to the sponsor: its records are not found, and absent from every list", async () => {
    await expect(getSubject(sponsor, f.subjectB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSubjectTimeline(sponsor, f.subjectB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVisit(sponsor, foreign.visitId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listVisitHistory(sponsor, foreign.visitId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAdverseEvent(sponsor, foreign.aeId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudyOverview(sponsor, f.studyB.id)).rejects.toBeInstanceOf(NotFoundError);

    const data = await everyRead(sponsor);
    const json = JSON.stringify(data);
    expect([f.studyB.id, f.subjectB.id, foreign.visitId, foreign.aeId, "B-01", "B-001", "Rash"].filter((id) => json.includes(id))).toEqual([]);
    expect((await listSponsorStudies(sponsor)).map((s) => s.id)).toEqual([f.studyA.id]);
  });

  it("a revoked or empty grant sees nothing: lists are empty and records not found", async () => {
    const none: Actor = { ...sponsor, sponsorStudyIds: [] };
    expect((await listSubjects(none, parseSubjectList({}))).rows).toEqual([]);
    expect((await listAdverseEvents(none, parseList({}, aeListSpec))).rows).toEqual([]);
    expect(await listSponsorStudies(none)).toEqual([]);
    await expect(getSubject(none, subject.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudyOverview(none, f.studyA.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
