/** CSV of the screenings awaiting eligibility sign-off for the current filter; audited. */
import { getActor } from "@/lib/auth/actor";
import { column, csvResponse, toCsv, type CsvColumn } from "@/lib/csv";
import { siteToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { auditExport, EXPORT_ROW_LIMIT } from "@/lib/export";
import { parseList } from "@/lib/list/params";
import { eligibilitySpec, listEligibilityToConfirm, type EligibilityRow } from "@/lib/safety/queries";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in", { status: 401 });
  try {
    const state = parseList(Object.fromEntries(new URL(request.url).searchParams), eligibilitySpec);
    const { rows } = await listEligibilityToConfirm(actor, { ...state, page: 1, pageSize: EXPORT_ROW_LIMIT });
    await auditExport(actor, "eligibility_queue", state.filters, rows.length);
    const columns: CsvColumn<EligibilityRow>[] = [
      column("Subject ID", "subjectCode"),
      column("Full name", "subjectName"),
      column("Study", "protocolId"),
      column("Screening date", "screeningDate"),
      column("Completed by", "completedByName"),
      column("Notes", "notes"),
    ];
    return csvResponse(toCsv(rows, columns), `eligibility-sign-off-${siteToday(actor.siteTimezone ?? "UTC", new Date())}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
