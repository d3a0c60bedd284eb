/** CSV of the audit log for the current filter (all pages, capped); the export is itself audited. */
import { auditLogCsv } from "@/lib/audit/log/csv";
import { getActor } from "@/lib/auth/actor";
import { csvResponse } from "@/lib/csv";
import { AppError } from "@/lib/errors";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Please sign in", { status: 401 });
  try {
    const { csv, filename } = await auditLogCsv(actor, Object.fromEntries(new URL(request.url).searchParams));
    return csvResponse(csv, filename);
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
