/** CSV of the registry's current filter and sort (all pages, capped), audited before it is sent. */
import { getActor } from "@/lib/auth/actor";
import { csvResponse, toCsv } from "@/lib/csv";
import { subjectCsvColumns } from "@/lib/subjects/csv-columns";
import { AppError } from "@/lib/errors";
import { EXPORT_ROW_LIMIT, auditExport } from "@/lib/export";
import type { SearchParams } from "@/lib/list/params";
import { withRetiredColumns } from "@/lib/read-model/csv";
import { subjectModel } from "@/lib/read-model/subject";
import { parseSubjectList } from "@/lib/subjects/list-params";
import { exportSubjects } from "@/lib/subjects/queries";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in.", { status: 401 });
  const params: SearchParams = Object.fromEntries(new URL(request.url).searchParams);
  const state = parseSubjectList(params);
  try {
    const rows = await exportSubjects(actor, state, EXPORT_ROW_LIMIT);
    await auditExport(actor, "subject", { ...state.filters, sort: `${state.sort.dir === "desc" ? "-" : ""}${state.sort.key}` }, rows.length);
    // The columns, and which of them a sponsor gets, come from the read model.
    const columns = withRetiredColumns(actor, subjectCsvColumns(actor), state.filters.retired, subjectModel);
    return csvResponse(toCsv(rows, columns), `subjects-${new Date().toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
