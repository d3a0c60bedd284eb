/** CSV of the safety queue for the current filter (all pages, capped); audited. */
import { clockText, sponsorClock, sponsorDeadline } from "@/lib/adverse-events/clock";
import { getActor } from "@/lib/auth/actor";
import { csvResponse, toCsv, type CsvColumn } from "@/lib/csv";
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
      { header: "Subject ID", value: (r) => r.subjectCode },
      { header: "Full name", value: (r) => r.subjectName },
      { header: "Study", value: (r) => r.protocolId },
      { header: "Event term", value: (r) => r.eventTerm },
      { header: "Severity", value: (r) => r.severity },
      { header: "CTCAE grade", value: (r) => r.grade },
      { header: "Serious", value: (r) => (r.serious ? "yes" : "no") },
      { header: "Seriousness criteria", value: (r) => r.seriousnessCriteria },
      { header: "Onset date", value: (r) => r.onsetDate },
      { header: "Aware at", value: (r) => r.awareAt },
      { header: "Sponsor deadline", value: (r) => (r.serious ? sponsorDeadline(r.awareAt) : null) },
      { header: "Sponsor clock", value: (r) => { const c = sponsorClock(r, now); return c ? clockText(c) : null; } },
      { header: "Causality", value: (r) => r.causality },
      { header: "Expectedness", value: (r) => r.expectedness },
      { header: "Outcome", value: (r) => r.outcome },
      { header: "Expedited candidate", value: (r) => r.expedited },
      { header: "Assessed at", value: (r) => r.assessedAt },
      { header: "Signature voided at", value: (r) => r.voidedAt },
      { header: "Void reason", value: (r) => r.voidReason },
    ];
    return csvResponse(toCsv(rows, columns), `safety-queue-${siteToday(actor.siteTimezone ?? "UTC", now)}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
