/** CSV of the studies list for the current filter (all pages, capped); audited. */
import { getActor } from "@/lib/auth/actor";
import { listAdminStudies, type AdminStudyRow } from "@/lib/admin/queries";
import { parseStudyListParams } from "@/lib/admin/study-list-params";
import { column, csvResponse, toCsv, type CsvColumn } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { auditExport, EXPORT_ROW_LIMIT } from "@/lib/export";

const COLUMNS: CsvColumn<AdminStudyRow>[] = [
  column("Protocol ID", "protocolId"),
  column("Title", "title"),
  column("Status", "status"),
  column("Site", "siteName"),
  column("Principal investigator", "piName"),
  column("Planned visits", "scheduleCount"),
  column("Sponsors with access", "sponsorCount"),
];

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in", { status: 401 });
  try {
    const state = parseStudyListParams(Object.fromEntries(new URL(request.url).searchParams));
    const { rows } = await listAdminStudies(actor, { filters: state.filters, pageSize: EXPORT_ROW_LIMIT });
    await auditExport(actor, "studies", state.filters, rows.length);
    return csvResponse(toCsv(rows, COLUMNS), `studies-${new Date().toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
