/**
 * The audit log as CSV for the current filter (all pages, newest first, capped). The export is
 * itself audited — after the read, so the row counts what was sent, and before the file leaves.
 * Times are UTC (ISO 8601), the same zone the filter's dates use.
 */
import "server-only";
import type { Actor } from "../../actor";
import { column, toCsv, type CsvColumn } from "../../csv";
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
  column("Seq", "seq"),
  column("At (UTC)", "at"),
  column("User", "actorName"),
  column("Username", "actorUsername"),
  column("Site", "siteName"),
  column("Entity", "entity"),
  column("Entity ID", "entityId"),
  column("Subject ID", "subjectCode"),
  column("Action", "action"),
  { header: "Changes", value: (r) => changesText(r.changes) },
  column("Reason", "reason"),
  column("Client address", "clientAddress"),
  column("Hash", "hash"),
];

export async function auditLogCsv(actor: Actor, params: SearchParams, now = new Date()): Promise<{ csv: string; filename: string }> {
  const { filters } = parseAuditLogParams(params);
  const rows = await exportAuditLog(actor, filters, EXPORT_ROW_LIMIT);
  await auditExport(actor, "audit_event", filters, rows.length);
  return { csv: toCsv(rows, COLUMNS), filename: `audit-log-${now.toISOString().slice(0, 10)}.csv` };
}
