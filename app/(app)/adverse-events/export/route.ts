/** CSV of the AE list for the current filter (all pages, capped); audited; de-identified for sponsors. */
import { aeClockCsvColumns, aeLeadCsvColumns } from "@/lib/adverse-events/csv-columns";
import { aeListSpec, listAdverseEvents, type AeListRow } from "@/lib/adverse-events/queries";
import { getActor } from "@/lib/auth/actor";
import { csvResponse, toCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { auditExport, EXPORT_ROW_LIMIT } from "@/lib/export";
import { parseList } from "@/lib/list/params";
import { siteToday } from "@/lib/dates";
import { adverseEventModel } from "@/lib/read-model/adverse-event";
import { withRetiredColumns } from "@/lib/read-model/csv";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in", { status: 401 });
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const state = parseList(params, aeListSpec);
    const { rows } = await listAdverseEvents(actor, { ...state, page: 1, pageSize: EXPORT_ROW_LIMIT });
    await auditExport(actor, "adverse_event", state.filters, rows.length);
    const now = new Date();
    const columns = withRetiredColumns<AeListRow>(
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
    );
    return csvResponse(toCsv(rows, columns), `adverse-events-${siteToday(actor.siteTimezone ?? "UTC", now)}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
