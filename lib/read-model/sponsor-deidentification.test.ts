/**
 * Every entity × every read path, as a sponsor: pages, REST (lists with every include, single
 * records), GraphQL, the timeline on the web and over REST, CSV exports, record history and live
 * events. None may hand over a full name, a full date of birth, a consent date or free text —
 * checked on the data returned, serialised whole. Each cell also checks that its record is there,
 * so an empty answer cannot pass, and the same table read as site staff shows the secrets do
 * exist in the data.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { aeClockCsvColumns, aeLeadCsvColumns } from "@/lib/adverse-events/csv-columns";
import { aeListSpec, getAdverseEvent, listAdverseEvents } from "@/lib/adverse-events/queries";
import { Subject } from "@/lib/api/resources/subjects/schema";
import { Screening } from "@/lib/api/resources/screenings/schema";
import { Visit } from "@/lib/api/resources/visits/schema";
import { AdverseEvent } from "@/lib/api/resources/adverse-events/schema";
import { SubjectNote } from "@/lib/api/resources/subject-notes/schema";
import { Study } from "@/lib/api/resources/studies/schema";
import { toCsv } from "@/lib/csv";
import { addDaysIso, siteToday } from "@/lib/dates";
import { gql } from "@/lib/graphql/test-client";
import { presentHistory, selectHistory } from "@/lib/audit/history";
import { parseList } from "@/lib/list/params";
import { publicChange } from "@/lib/live/events";
import { ensureListening, headId, stopLive, subscribe } from "@/lib/live/hub";
import { screeningQueueCsvColumns } from "@/lib/screenings/csv-columns";
import { exportScreeningQueue, listScreeningQueue } from "@/lib/screenings/queries";
import { parseQueueParams } from "@/lib/screenings/queue-params";
import { getStudyOverview, listSponsorStudies } from "@/lib/sponsor/queries";
import { parseSubjectList } from "@/lib/subjects/list-params";
import { subjectCsvColumns } from "@/lib/subjects/csv-columns";
import { exportSubjects, getSubject, listRecentSubjects, listSubjects } from "@/lib/subjects/queries";
import { getSubjectTimeline } from "@/lib/timeline/subject-timeline";
import { visitCsvColumns } from "@/lib/visits/csv-columns";
import { getVisit, listFlaggedVisits, listVisitHistory, listVisitsInRange } from "@/lib/visits/queries";
import { getDb } from "@/db";
import { withTestDb } from "@/tests/db";
import { rawCall, tokenFor } from "@/tests/api/client";
import { leaked, writeSponsorRecords, type SponsorRecords } from "./test-records";

withTestDb();

const now = new Date();
let r: SponsorRecords;
let since: string;

beforeAll(async () => {
  // Live events: every change the writes below announce, replayed later for each viewer.
  await ensureListening();
  since = headId();
  r = await writeSponsorRecords(now);
  await vi.waitFor(() => expect(changesFor(r.coordA).length).toBeGreaterThan(10));
});

afterAll(async () => {
  await stopLive();
});

function changesFor(actor: Actor) {
  const { replay, unsubscribe } = subscribe({ actor, send: () => {}, recheck: () => {}, reset: () => {} }, since);
  unsubscribe();
  if (replay === "reset") throw new Error("live replay reset");
  return replay.map((e) => publicChange(e.change));
}

const PATHS = ["page", "rest", "graphql", "timeline", "rest timeline", "csv", "history", "live"] as const;
type Path = (typeof PATHS)[number];
type Entity = "subject" | "screening" | "visit" | "adverse event" | "note" | "study";
/** A read as `actor`; `ids` are the records the answer must contain (so an empty answer fails). */
type Cell = (actor: Actor) => Promise<unknown>;

/** Every field of the rows as CSV: what any export built on these rows could write, at most (beside the export's own columns). */
const csvOf = (rows: readonly object[]) => toCsv(rows, Object.keys(rows[0] ?? {}).map((k) => ({ header: k, value: (row: object) => (row as Record<string, unknown>)[k] })));

async function rest(actor: Actor, path: string) {
  const response = await rawCall("GET", path, { token: await tokenFor(actor.id) });
  expect(response.status, path).toBe(200);
  return response.body;
}

/** A GraphQL selection of every field of an API output schema, embeds included. */
function selection(schema: z.ZodObject): string {
  return Object.entries(schema.shape)
    .map(([key, field]) => {
      let inner: z.ZodType = field as z.ZodType;
      while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
      return inner instanceof z.ZodObject ? `${key} { ${selection(inner)} }` : key;
    })
    .join(" ");
}

async function graphql(actor: Actor, field: string, schema: z.ZodObject, id: string) {
  const fields = selection(schema);
  const single = field.replace(/s$/, "").replace(/ie$/, "y");
  const result = await gql(await tokenFor(actor.id), `query($id: ID!) { list: ${field}(limit: 200) { data { ${fields} } } one: ${single}(id: $id) { ${fields} } }`, { id });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** The timeline's entries of some kinds (the subject's own entries carry the subject too). */
async function timeline(actor: Actor, kinds: string[], subjectId = r.subject.id) {
  const t = await getSubjectTimeline(actor, subjectId, now);
  return { subject: kinds.includes("subject") ? t.subject : null, entries: t.entries.filter((e) => kinds.includes(e.kind)) };
}
async function restTimeline(actor: Actor, kinds: string[], subjectId = r.subject.id) {
  const body = (await rest(actor, `/subjects/${subjectId}/timeline`)) as { subject: unknown; entries: { kind: string }[] };
  return { subject: kinds.includes("subject") ? body.subject : null, entries: body.entries.filter((e) => kinds.includes(e.kind)) };
}

async function history(actor: Actor, entity: string, ids: string[]) {
  return presentHistory(actor, await selectHistory(await getDb(), [entity], ids, { viewer: actor }));
}

const live = (entity: string) => async (actor: Actor) => changesFor(actor).filter((c) => c.entity === entity);

const range = () => {
  const today = siteToday("America/New_York", now);
  return { from: addDaysIso(today, -30), to: addDaysIso(today, 30), now };
};

/** entity × path → the read, and the ids its answer must contain. */
function table(): Record<Entity, Partial<Record<Path, { read: Cell; ids: string[] }>>> {
  const subjectIds = [r.subject.id, r.failed.id];
  const visitId = r.canceledVisit.id;
  return {
    subject: {
      page: {
        ids: subjectIds,
        read: async (a) => [
          await getSubject(a, r.subject.id),
          await getSubject(a, r.failed.id),
          await listSubjects(a, parseSubjectList({})),
          await listRecentSubjects(a, 50),
          await listScreeningQueue(a, parseQueueParams({ screeningStatus: "failed" })),
        ],
      },
      rest: {
        ids: subjectIds,
        read: async (a) => [await rest(a, "/subjects?include=study,coordinator&limit=200"), await rest(a, `/subjects/${r.subject.id}?include=study,coordinator`), await rest(a, `/subjects/${r.failed.id}`)],
      },
      graphql: { ids: subjectIds, read: async (a) => [await graphql(a, "subjects", Subject, r.subject.id), await graphql(a, "subjects", Subject, r.failed.id)] },
      timeline: { ids: subjectIds, read: async (a) => [await timeline(a, ["subject", "consent"]), await timeline(a, ["subject", "consent"], r.failed.id)] },
      "rest timeline": { ids: subjectIds, read: async (a) => [await restTimeline(a, ["subject", "consent"]), await restTimeline(a, ["subject", "consent"], r.failed.id)] },
      csv: {
        ids: ["A-77", "A-78"],
        read: async (a) => {
          const rows = await exportSubjects(a, parseSubjectList({}), 1000);
          return [toCsv(rows, subjectCsvColumns(a)), csvOf(rows)];
        },
      },
      history: { ids: subjectIds, read: (a) => history(a, "subject", subjectIds) },
      live: { ids: subjectIds, read: live("subject") },
    },
    screening: {
      page: {
        ids: [r.failedScreeningId],
        read: async (a) => [await listScreeningQueue(a, parseQueueParams({})), await listScreeningQueue(a, parseQueueParams({ screeningStatus: "failed" }))],
      },
      rest: {
        ids: [r.screeningId, r.failedScreeningId],
        read: async (a) => [await rest(a, "/screenings?include=subject,study,completedBy&limit=200"), await rest(a, `/screenings/${r.failedScreeningId}?include=subject,study,completedBy`)],
      },
      graphql: { ids: [r.screeningId, r.failedScreeningId], read: (a) => graphql(a, "screenings", Screening, r.failedScreeningId) },
      timeline: { ids: [r.screeningId, r.failedScreeningId], read: async (a) => [await timeline(a, ["screening"]), await timeline(a, ["screening"], r.failed.id)] },
      "rest timeline": { ids: [r.screeningId, r.failedScreeningId], read: async (a) => [await restTimeline(a, ["screening"]), await restTimeline(a, ["screening"], r.failed.id)] },
      csv: {
        ids: ["A-78", "failed"],
        read: async (a) => {
          const rows = await exportScreeningQueue(a, parseQueueParams({ screeningStatus: "failed" }));
          return [toCsv(rows, screeningQueueCsvColumns(a)), csvOf(rows)];
        },
      },
      history: { ids: [r.screeningId, r.failedScreeningId], read: (a) => history(a, "screening", [r.screeningId, r.failedScreeningId]) },
      live: { ids: [r.screeningId, r.failedScreeningId], read: live("screening") },
    },
    visit: {
      page: {
        ids: [visitId],
        read: async (a) => [
          await getVisit(a, visitId, now),
          await listVisitsInRange(a, range()),
          await listFlaggedVisits(a, { flag: "overdue", now }),
          await listFlaggedVisits(a, { flag: "out_of_window", now }),
        ],
      },
      rest: { ids: [visitId], read: async (a) => [await rest(a, "/visits?include=subject,study,coordinator&limit=200"), await rest(a, `/visits/${visitId}?include=subject,study,coordinator`)] },
      graphql: { ids: [visitId], read: (a) => graphql(a, "visits", Visit, visitId) },
      timeline: { ids: [visitId], read: (a) => timeline(a, ["visit"], r.f.subjectA.id) },
      "rest timeline": { ids: [visitId], read: (a) => restTimeline(a, ["visit"], r.f.subjectA.id) },
      csv: {
        ids: [visitId],
        read: async (a) => {
          const { rows } = await listVisitsInRange(a, range());
          return [toCsv(rows, visitCsvColumns(a)), csvOf(rows)];
        },
      },
      history: { ids: [visitId], read: async (a) => [await listVisitHistory(a, visitId), await history(a, "visit", [visitId])] },
      live: { ids: [visitId], read: live("visit") },
    },
    "adverse event": {
      page: { ids: [r.aeId], read: async (a) => [await listAdverseEvents(a, parseList({}, aeListSpec)), await getAdverseEvent(a, r.aeId)] },
      rest: { ids: [r.aeId], read: async (a) => [await rest(a, "/adverse-events?include=subject,study,reportedBy&limit=200"), await rest(a, `/adverse-events/${r.aeId}?include=subject,study,reportedBy`)] },
      graphql: { ids: [r.aeId], read: (a) => graphql(a, "adverseEvents", AdverseEvent, r.aeId) },
      timeline: { ids: [r.aeId], read: (a) => timeline(a, ["ae"]) },
      "rest timeline": { ids: [r.aeId], read: (a) => restTimeline(a, ["ae"]) },
      csv: {
        ids: ["Pneumonia"],
        read: async (a) => {
          const { rows } = await listAdverseEvents(a, { ...parseList({}, aeListSpec), page: 1, pageSize: 1000 });
          return [toCsv(rows, [...aeLeadCsvColumns(a), ...aeClockCsvColumns(now)]), csvOf(rows)];
        },
      },
      history: { ids: [r.aeId], read: async (a) => [(await getAdverseEvent(a, r.aeId)).history, await history(a, "adverse_event", [r.aeId])] },
      live: { ids: [r.aeId], read: live("adverse_event") },
    },
    note: {
      rest: { ids: [r.noteId], read: async (a) => [await rest(a, "/subject-notes?include=subject,author&limit=200"), await rest(a, `/subject-notes/${r.noteId}?include=subject,author`)] },
      graphql: { ids: [r.noteId], read: (a) => graphql(a, "subjectNotes", SubjectNote, r.noteId) },
      timeline: { ids: [r.noteId], read: (a) => timeline(a, ["note"]) },
      "rest timeline": { ids: [r.noteId], read: (a) => restTimeline(a, ["note"]) },
      history: { ids: [r.noteId], read: (a) => history(a, "subject_note", [r.noteId]) },
      live: { ids: [r.noteId], read: live("subject_note") },
    },
    study: {
      page: { ids: [r.f.studyA.id], read: async (a) => [await listSponsorStudies(a), await getStudyOverview(a, r.f.studyA.id, now)] },
      rest: { ids: [r.f.studyA.id], read: async (a) => [await rest(a, "/studies?include=principalInvestigator,site"), await rest(a, `/studies/${r.f.studyA.id}?include=principalInvestigator,site`)] },
      graphql: { ids: [r.f.studyA.id], read: (a) => graphql(a, "studies", Study, r.f.studyA.id) },
    },
  };
}

/** The cells, built lazily: the records exist only once beforeAll has run. */
const CELLS: [Entity, Path][] = (
  [
    ["subject", PATHS],
    ["screening", PATHS],
    ["visit", PATHS],
    ["adverse event", PATHS],
    ["note", ["rest", "graphql", "timeline", "rest timeline", "history", "live"]],
    ["study", ["page", "rest", "graphql"]],
  ] as [Entity, readonly Path[]][]
).flatMap(([entity, paths]) => paths.map((path): [Entity, Path] => [entity, path]));

describe("a sponsor reads no identifying value, whatever the entity and the read path", () => {
  it("the table covers every cell it names", () => {
    const t = table();
    for (const [entity, path] of CELLS) expect(t[entity][path], `${entity} × ${path}`).toBeDefined();
  });

  it.each(CELLS)("%s × %s", async (entity, path) => {
    const cell = table()[entity][path]!;
    const data = await cell.read(r.sponsor);
    const text = typeof data === "string" ? data : JSON.stringify(data);
    expect(cell.ids.filter((id) => !text.includes(id)), "records missing from the answer").toEqual([]);
    expect(leaked(text)).toEqual([]);
  });

  it("the same reads by an admin do carry the secrets (so the checks above mean something)", async () => {
    const t = table();
    const admin = await r.f.actor(r.f.users.admin.id);
    const all = [];
    for (const [entity, path] of CELLS) all.push(await t[entity][path]!.read(admin));
    expect(leaked(all).length).toBeGreaterThan(15);
  });
});
