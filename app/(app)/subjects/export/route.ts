/** CSV of the registry's current filter and sort (all pages, capped), audited before it is sent. */
import { getActor } from "@/lib/auth/actor";
import { csvResponse, toCsv, type CsvColumn } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { EXPORT_ROW_LIMIT, auditExport } from "@/lib/export";
import type { SearchParams } from "@/lib/list/params";
import { canSeeIdentifiers } from "@/lib/policy";
import { parseSubjectList } from "@/lib/subjects/list-params";
import { exportSubjects, type SubjectRow } from "@/lib/subjects/queries";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in.", { status: 401 });
  const params: SearchParams = Object.fromEntries(new URL(request.url).searchParams);
  const state = parseSubjectList(params);
  try {
    const rows = await exportSubjects(actor, state, EXPORT_ROW_LIMIT);
    await auditExport(actor, "subject", { ...state.filters, sort: `${state.sort.dir === "desc" ? "-" : ""}${state.sort.key}` }, rows.length);
    const identified = canSeeIdentifiers(actor);
    const columns: CsvColumn<SubjectRow>[] = [
      { header: "subjectId", value: (r) => r.subjectId },
      ...(identified ? [{ header: "fullName", value: (r: SubjectRow) => r.fullName }] : []),
      { header: "study", value: (r) => r.protocolId },
      { header: "screeningStatus", value: (r) => r.screeningStatus },
      { header: "status", value: (r) => r.status },
      { header: "coordinator", value: (r) => r.coordinatorName },
      { header: identified ? "dob" : "birthYear", value: (r) => r.dob },
      { header: "sexAtBirth", value: (r) => r.sexAtBirth },
      { header: "consentSignedAt", value: (r) => r.consentSignedAt },
      { header: "enrolledAt", value: (r) => r.enrolledAt },
      { header: "createdAt", value: (r) => r.createdAt },
    ];
    return csvResponse(toCsv(rows, columns), `subjects-${new Date().toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
