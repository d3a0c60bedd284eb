/**
 * The CSV exports of the web app's lists, one function per "Export CSV" link (the route files under
 * app/(app)/<list>/export/ hand each to exportRoute). Each reads the list's own parameters, asks the
 * list's query for its select (site-scoped, de-identified for sponsors by the read model, capped at
 * EXPORT_ROW_LIMIT), and streams it (streamExport: allowance, audit row, cursor).
 */
import "server-only";
import { aeClockCsvColumns, aeLeadCsvColumns } from "../adverse-events/csv-columns";
import { aeExportQuery, aeListSpec, type AeListRow } from "../adverse-events/queries";
import { adminStudyExportQuery, type AdminStudyRow } from "../admin/queries";
import { parseStudyListParams } from "../admin/study-list-params";
import type { Actor } from "../actor";
import { column, type CsvColumn } from "../csv";
import { siteToday } from "../dates";
import { EXPORT_ROW_LIMIT, streamExport } from "../export";
import { parseList, type SearchParams } from "../list/params";
import { withRetiredColumns } from "../read-model/csv";
import { adverseEventModel } from "../read-model/adverse-event";
import { subjectModel } from "../read-model/subject";
import { visitModel } from "../read-model/visit";
import { eligibilityExportQuery, eligibilitySpec, safetyQueueExportQuery, safetyQueueSpec, type EligibilityRow } from "../safety/queries";
import { screeningQueueCsvColumns } from "../screenings/csv-columns";
import { screeningQueueExportQuery } from "../screenings/queries";
import { parseQueueParams } from "../screenings/queue-params";
import { subjectCsvColumns } from "../subjects/csv-columns";
import { parseSubjectList } from "../subjects/list-params";
import { subjectExportQuery } from "../subjects/queries";
import { taskCsvColumns } from "../tasks/csv-columns";
import { taskExportQuery, taskListSpec, viewOf } from "../tasks/queries";
import { parseCalendarParams, rangeFor } from "../visits/calendar";
import { visitCsvColumns } from "../visits/csv-columns";
import { calendarTimeZone, visitExportQuery } from "../visits/queries";

const today = (actor: Actor, now = new Date()) => siteToday(actor.siteTimezone ?? "UTC", now);

/** The registry's current filter and sort. */
export async function exportSubjectList(actor: Actor, params: SearchParams): Promise<Response> {
  const state = parseSubjectList(params);
  const { query } = await subjectExportQuery(actor, state, EXPORT_ROW_LIMIT);
  return streamExport(actor, {
    what: "subject",
    filters: { ...state.filters, sort: `${state.sort.dir === "desc" ? "-" : ""}${state.sort.key}` },
    query,
    // The columns, and which of them a sponsor gets, come from the read model.
    columns: withRetiredColumns(actor, subjectCsvColumns(actor), state.filters.retired, subjectModel),
    filename: `subjects-${new Date().toISOString().slice(0, 10)}.csv`,
  });
}

/** The screening queue's current filter and sort. */
export async function exportScreeningQueueList(actor: Actor, params: SearchParams): Promise<Response> {
  const state = parseQueueParams(params);
  const { query, present } = await screeningQueueExportQuery(actor, state);
  return streamExport(actor, {
    what: "screening_queue",
    filters: state.filters,
    query,
    present,
    columns: withRetiredColumns(actor, screeningQueueCsvColumns(actor), state.filters.retired, subjectModel, ["Retired at", "Retire reason"]),
    filename: `screening-queue-${today(actor)}.csv`,
  });
}

/** The calendar view on screen (same view, date and filters; every row, not just those a grid draws), or a flag list. */
export async function exportVisitList(actor: Actor, params: SearchParams): Promise<Response> {
  const state = parseCalendarParams(params, calendarTimeZone(actor));
  const { from, to } = rangeFor(state.view, state.date);
  const { query } = await visitExportQuery(actor, { flag: state.flag, from, to, filters: state.filters }, EXPORT_ROW_LIMIT);
  return streamExport(actor, {
    what: "visit",
    filters: { view: state.flag ? undefined : state.view, from: state.flag ? undefined : from, to: state.flag ? undefined : to, flag: state.flag, ...state.filters },
    query,
    // Site-local times in each visit's own zone; the columns, and which a sponsor gets, from the read model.
    columns: withRetiredColumns(actor, visitCsvColumns(actor), state.filters.retired, visitModel),
    filename: state.flag ? `visits-${state.flag}.csv` : `visits-${from}-to-${to}.csv`,
  });
}

/** The AE list's current filter. */
export async function exportAdverseEventList(actor: Actor, params: SearchParams): Promise<Response> {
  const state = parseList(params, aeListSpec);
  const { query } = await aeExportQuery(actor, state, EXPORT_ROW_LIMIT);
  const now = new Date();
  return streamExport(actor, {
    what: "adverse_event",
    filters: state.filters,
    query,
    columns: withRetiredColumns<AeListRow>(
      actor,
      [
        ...aeLeadCsvColumns<AeListRow>(actor),
        { header: "End date", value: (r) => r.endDate },
        ...aeClockCsvColumns<AeListRow>(now),
        { header: "Sponsor notified at", value: (r) => r.sponsorNotifiedAt },
        { header: "Outcome", value: (r) => r.outcome },
        { header: "Status", value: (r) => r.status },
        { header: "Reported by", value: (r) => r.reportedByName },
      ],
      state.filters.retired,
      adverseEventModel,
      ["Retired at", "Retire reason"],
    ),
    filename: `adverse-events-${today(actor, now)}.csv`,
  });
}

/** The safety queue's current filter. */
export async function exportSafetyQueueList(actor: Actor, params: SearchParams): Promise<Response> {
  const state = parseList(params, safetyQueueSpec);
  const { query, present } = await safetyQueueExportQuery(actor, state, EXPORT_ROW_LIMIT);
  const now = new Date();
  type Row = ReturnType<typeof present>[number];
  const columns: CsvColumn<Row>[] = [
    ...aeLeadCsvColumns<Row>(actor),
    ...aeClockCsvColumns<Row>(now),
    column("Causality", "causality"),
    column("Expectedness", "expectedness"),
    column("Outcome", "outcome"),
    column("Expedited candidate", "expedited"),
    column("Assessed at", "assessedAt"),
    column("Signature voided at", "voidedAt"),
    column("Void reason", "voidReason"),
  ];
  return streamExport(actor, { what: "safety_queue", filters: state.filters, query, present, columns, filename: `safety-queue-${today(actor, now)}.csv` });
}

const ELIGIBILITY_COLUMNS: CsvColumn<EligibilityRow>[] = [
  column("Subject ID", "subjectCode"),
  column("Full name", "subjectName"),
  column("Study", "protocolId"),
  column("Screening date", "screeningDate"),
  column("Completed by", "completedByName"),
  column("Notes", "notes"),
];

/** The screenings awaiting eligibility sign-off for the current filter. */
export async function exportEligibilityList(actor: Actor, params: SearchParams): Promise<Response> {
  const state = parseList(params, eligibilitySpec);
  const { query } = await eligibilityExportQuery(actor, state, EXPORT_ROW_LIMIT);
  return streamExport(actor, { what: "eligibility_queue", filters: state.filters, query, columns: ELIGIBILITY_COLUMNS, filename: `eligibility-sign-off-${today(actor)}.csv` });
}

/** The task list's current tab, filters and sort. */
export async function exportTaskList(actor: Actor, params: SearchParams): Promise<Response> {
  const state = parseList(params, taskListSpec);
  const now = new Date();
  const { query } = await taskExportQuery(actor, state, EXPORT_ROW_LIMIT, now);
  return streamExport(actor, {
    what: "task",
    filters: { ...state.filters, view: viewOf(actor, state.filters) },
    query,
    columns: taskCsvColumns(actor),
    filename: `tasks-${today(actor, now)}.csv`,
  });
}

const STUDY_COLUMNS: CsvColumn<AdminStudyRow>[] = [
  column("Protocol ID", "protocolId"),
  column("Title", "title"),
  column("Status", "status"),
  column("Site", "siteName"),
  column("Principal investigator", "piName"),
  column("Planned visits", "scheduleCount"),
  column("Sponsors with access", "sponsorCount"),
];

/** The studies list (administration) for the current filter. */
export async function exportStudyList(actor: Actor, params: SearchParams): Promise<Response> {
  const state = parseStudyListParams(params);
  const { query } = await adminStudyExportQuery(actor, state.filters, EXPORT_ROW_LIMIT);
  return streamExport(actor, { what: "studies", filters: state.filters, query, columns: STUDY_COLUMNS, filename: `studies-${new Date().toISOString().slice(0, 10)}.csv` });
}
