/** CSV of the screening queue for the current filter (all pages, capped); audited; de-identified for sponsors. */
import { getActor } from "@/lib/auth/actor";
import { csvResponse, toCsv } from "@/lib/csv";
import { screeningQueueCsvColumns } from "@/lib/screenings/csv-columns";
import { siteToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { auditExport } from "@/lib/export";
import { exportScreeningQueue } from "@/lib/screenings/queries";
import { parseQueueParams } from "@/lib/screenings/queue-params";
import { withRetiredColumns } from "@/lib/read-model/csv";
import { subjectModel } from "@/lib/read-model/subject";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in", { status: 401 });
  try {
    const state = parseQueueParams(Object.fromEntries(new URL(request.url).searchParams));
    const rows = await exportScreeningQueue(actor, state);
    await auditExport(actor, "screening_queue", state.filters, rows.length);
    // The columns, and which of them a sponsor gets, come from the read model.
    const columns = withRetiredColumns(actor, screeningQueueCsvColumns(actor), state.filters.retired, subjectModel, ["Retired at", "Retire reason"]);
    return csvResponse(toCsv(rows, columns), `screening-queue-${siteToday(actor.siteTimezone ?? "UTC")}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
