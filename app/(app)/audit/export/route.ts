/** CSV of the audit log for the current filter (all pages, capped): streamed; the export is itself audited (lib/export). */
import { exportAuditLogList } from "@/lib/audit/log/csv";
import { exportRoute } from "@/lib/export/route";

export const GET = exportRoute(exportAuditLogList);
