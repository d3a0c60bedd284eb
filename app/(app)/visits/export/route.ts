/**
 * CSV of the calendar view on screen (same view, date and filters; every row, not just those a
 * grid draws), or of a flag list. Audited; sponsors get the de-identified rows the query gives them.
 */
import { getActor } from "@/lib/auth/actor";
import { toCsv, csvResponse, type CsvColumn } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { auditExport, EXPORT_ROW_LIMIT } from "@/lib/export";
import { canSeeIdentifiers } from "@/lib/policy";
import { instantToLocalInput } from "@/lib/dates";
import type { SearchParams } from "@/lib/list/params";
import { parseCalendarParams, rangeFor } from "@/lib/visits/calendar";
import { calendarTimeZone, listFlaggedVisits, listVisitsInRange, type VisitRow } from "@/lib/visits/queries";

export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in", { status: 401 });
  try {
    const params: SearchParams = Object.fromEntries(new URL(request.url).searchParams);
    const timeZone = calendarTimeZone(actor);
    const state = parseCalendarParams(params, timeZone);
    const { from, to } = rangeFor(state.view, state.date);
    const { rows } = state.flag
      ? await listFlaggedVisits(actor, { flag: state.flag, filters: state.filters, pageSize: EXPORT_ROW_LIMIT })
      : await listVisitsInRange(actor, { from, to, filters: state.filters, pageSize: EXPORT_ROW_LIMIT });
    const identified = canSeeIdentifiers(actor);
    // Site-local times, each in its visit's own zone (named in a column), as the calendar shows them.
    const columns: CsvColumn<VisitRow>[] = [
      { header: "visitId", value: (v) => v.id },
      { header: "subjectId", value: (v) => v.subjectCode },
      ...(identified ? [{ header: "fullName", value: (v: VisitRow) => v.subjectName }] : []),
      { header: "study", value: (v) => v.protocolId },
      { header: "visitType", value: (v) => v.visitType },
      { header: "scheduledAt", value: (v) => instantToLocalInput(v.scheduledAt, v.siteTimezone) },
      { header: "timeZone", value: (v) => v.siteTimezone },
      { header: "visitStatus", value: (v) => v.visitStatus },
      { header: "location", value: (v) => v.location },
      { header: "coordinator", value: (v) => v.coordinatorName },
      { header: "windowStart", value: (v) => v.windowStart },
      { header: "windowEnd", value: (v) => v.windowEnd },
      { header: "completedAt", value: (v) => (v.completedAt ? instantToLocalInput(v.completedAt, v.siteTimezone) : null) },
      { header: "overdue", value: (v) => (v.overdue ? "yes" : "no") },
      { header: "outOfWindow", value: (v) => (v.outOfWindow ? "yes" : "no") },
      ...(identified ? [{ header: "statusReason", value: (v: VisitRow) => v.statusReason }] : []),
    ];
    await auditExport(actor, "visit", { view: state.flag ? undefined : state.view, from: state.flag ? undefined : from, to: state.flag ? undefined : to, flag: state.flag, ...state.filters }, rows.length);
    const name = state.flag ? `visits-${state.flag}` : `visits-${from}-to-${to}`;
    return csvResponse(toCsv(rows, columns), `${name}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}

