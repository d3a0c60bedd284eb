/** CSV of the task list's current tab, filters and sort (all pages, capped), audited before it is sent. */
import { getActor } from "@/lib/auth/actor";
import { csvResponse, toCsv } from "@/lib/csv";
import { siteToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { EXPORT_ROW_LIMIT, auditExport } from "@/lib/export";
import { parseList } from "@/lib/list/params";
import { taskCsvColumns } from "@/lib/tasks/csv-columns";
import { listTasks, taskListSpec, viewOf } from "@/lib/tasks/queries";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in.", { status: 401 });
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const state = parseList(params, taskListSpec);
    const now = new Date();
    const { rows } = await listTasks(actor, { ...state, page: 1, pageSize: EXPORT_ROW_LIMIT }, now);
    await auditExport(actor, "task", { ...state.filters, view: viewOf(actor, state.filters) }, rows.length);
    return csvResponse(toCsv(rows, taskCsvColumns(actor)), `tasks-${siteToday(actor.siteTimezone ?? "UTC", now)}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
