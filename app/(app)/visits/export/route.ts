/**
 * CSV of the calendar view on screen (same view, date and filters; every row, not just those a
 * grid draws), or of a flag list. Audited; sponsors get the de-identified rows the query gives them.
 */
import { getActor } from "@/lib/auth/actor";
import { toCsv, csvResponse } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { auditExport, EXPORT_ROW_LIMIT } from "@/lib/export";
import type { SearchParams } from "@/lib/list/params";
import { parseCalendarParams, rangeFor } from "@/lib/visits/calendar";
import { visitCsvColumns } from "@/lib/visits/csv-columns";
import { withRetiredColumns } from "@/lib/read-model/csv";
import { visitModel } from "@/lib/read-model/visit";
import { calendarTimeZone, listFlaggedVisits, listVisitsInRange } from "@/lib/visits/queries";

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
    // Site-local times in each visit's own zone; the columns, and which a sponsor gets, from the read model.
    const columns = withRetiredColumns(actor, visitCsvColumns(actor), state.filters.retired, visitModel);
    await auditExport(actor, "visit", { view: state.flag ? undefined : state.view, from: state.flag ? undefined : from, to: state.flag ? undefined : to, flag: state.flag, ...state.filters }, rows.length);
    const name = state.flag ? `visits-${state.flag}` : `visits-${from}-to-${to}`;
    return csvResponse(toCsv(rows, columns), `${name}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}

