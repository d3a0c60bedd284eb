/**
 * The audit log as CSV for the current filter (all pages, newest first, capped). The export is
 * itself audited — after the read, so the row counts what was sent, and before the file leaves.
 * Times are UTC (ISO 8601), the same zone the filter's dates use.
 */
import "server-only";
import type { Actor } from "../../actor";
import { toCsv, type CsvColumn } from "../../csv";
import { auditExport, EXPORT_ROW_LIMIT } from "../../export";
import type { SearchParams } from "../../list/params";
import { parseAuditLogParams } from "./params";
import { exportAuditLog, type AuditLogRow } from "./queries";

/** "field: old → new; …" with JSON values, so text, numbers and nulls stay distinguishable. */
export function changesText(changes: AuditLogRow["changes"]): string {
  return Object.entries(changes)
    .map(([field, [before, after]]) => `${field}: ${JSON.stringify(before ?? null)} → ${JSON.stringify(after ?? null)}`)
    .join("; ");
}

const COLUMNS: CsvColumn<AuditLogRow>[] = [
  { header: "Seq", value: (r) => r.seq },
  { header: "At (UTC)", value: (r) => r.at },
  { header: "User", value: (r) => r.actorName },
  { header: "Username", value: (r) => r.actorUsername },
  { header: "Site", value: (r) => r.siteName },
  { header: "Entity", value: (r) => r.entity },
  { header: "Entity ID", value: (r) => r.entityId },
  { header: "Subject ID", value: (r) => r.subjectCode },
  { header: "Action", value: (r) => r.action },
  { header: "Changes", value: (r) => changesText(r.changes) },
  { header: "Reason", value: (r) => r.reason },
  { header: "Client address", value: (r) => r.clientAddress },
  { header: "Hash", value: (r) => r.hash },
];

export async function auditLogCsv(actor: Actor, params: SearchParams, now = new Date()): Promise<{ csv: string; filename: string }> {
  const { filters } = parseAuditLogParams(params);
  const rows = await exportAuditLog(actor, filters, EXPORT_ROW_LIMIT);
  await auditExport(actor, "audit_event", filters, rows.length);
  return { csv: toCsv(rows, COLUMNS), filename: `audit-log-${now.toISOString().slice(0, 10)}.csv` };
}
