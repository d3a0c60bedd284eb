/** CSV of the safety queue for the current filter (all pages, capped); audited. */
import { aeClockCsvColumns, aeLeadCsvColumns } from "@/lib/adverse-events/csv-columns";
import { getActor } from "@/lib/auth/actor";
import { column, csvResponse, toCsv, type CsvColumn } from "@/lib/csv";
import { siteToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { auditExport, EXPORT_ROW_LIMIT } from "@/lib/export";
import { parseList } from "@/lib/list/params";
import { listSafetyQueue, safetyQueueSpec, type SafetyQueueRow } from "@/lib/safety/queries";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in", { status: 401 });
  try {
    const state = parseList(Object.fromEntries(new URL(request.url).searchParams), safetyQueueSpec);
    const { rows } = await listSafetyQueue(actor, { ...state, page: 1, pageSize: EXPORT_ROW_LIMIT });
    await auditExport(actor, "safety_queue", state.filters, rows.length);
    const now = new Date();
    const columns: CsvColumn<SafetyQueueRow>[] = [
      ...aeLeadCsvColumns<SafetyQueueRow>(actor),
      ...aeClockCsvColumns<SafetyQueueRow>(now),
      column("Causality", "causality"),
      column("Expectedness", "expectedness"),
      column("Outcome", "outcome"),
      column("Expedited candidate", "expedited"),
      column("Assessed at", "assessedAt"),
      column("Signature voided at", "voidedAt"),
      column("Void reason", "voidReason"),
    ];
    return csvResponse(toCsv(rows, columns), `safety-queue-${siteToday(actor.siteTimezone ?? "UTC", now)}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
