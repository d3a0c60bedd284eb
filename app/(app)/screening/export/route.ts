/** CSV of the screening queue for the current filter (all pages, capped); audited; de-identified for sponsors. */
import { getActor } from "@/lib/auth/actor";
import { csvResponse, toCsv, type CsvColumn } from "@/lib/csv";
import { siteToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { auditExport } from "@/lib/export";
import { canSeeIdentifiers } from "@/lib/policy";
import { exportScreeningQueue, type QueueRow } from "@/lib/screenings/queries";
import { parseQueueParams } from "@/lib/screenings/queue-params";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in", { status: 401 });
  try {
    const state = parseQueueParams(Object.fromEntries(new URL(request.url).searchParams));
    const rows = await exportScreeningQueue(actor, state);
    await auditExport(actor, "screening_queue", state.filters, rows.length);
    const identified = canSeeIdentifiers(actor);
    const columns: CsvColumn<QueueRow>[] = [
      { header: "Subject ID", value: (r) => r.subjectId },
      ...(identified ? [{ header: "Full name", value: (r: QueueRow) => r.fullName }] : []),
      { header: "Study", value: (r) => r.protocolId },
      { header: "Screening status", value: (r) => r.screeningStatus },
      { header: "Subject status", value: (r) => r.status },
      { header: "Consent signed at", value: (r) => r.consentSignedAt },
      { header: "Screening date", value: (r) => r.latest?.screeningDate },
      { header: "Latest screening status", value: (r) => r.latest?.screeningStatus },
      { header: "Completed by", value: (r) => r.latest?.completedByName },
      ...(identified ? [{ header: "Notes", value: (r: QueueRow) => r.latest?.notes }] : []),
      ...(identified ? [{ header: "Fail reason", value: (r: QueueRow) => r.latest?.failReason }] : []),
    ];
    return csvResponse(toCsv(rows, columns), `screening-queue-${siteToday(actor.siteTimezone ?? "UTC")}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
