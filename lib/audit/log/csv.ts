/**
 * The audit log as CSV for the current filter (all pages, newest first, capped), streamed. The
 * export is itself audited before the first row leaves, with the rows its cursor holds.
 * Times are UTC (ISO 8601), the same zone the filter's dates use.
 */
import "server-only";
import type { Actor } from "../../actor";
import { column, type CsvColumn } from "../../csv";
import { EXPORT_ROW_LIMIT, streamExport } from "../../export";
import type { SearchParams } from "../../list/params";
import { parseAuditLogParams } from "./params";
import { auditLogExportQuery, type AuditLogRow } from "./queries";

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

/** The filtered log as a streamed, audited CSV download (lib/export). */
export async function exportAuditLogList(actor: Actor, params: SearchParams, now = new Date()): Promise<Response> {
  const { filters } = parseAuditLogParams(params);
  const { query, present } = await auditLogExportQuery(actor, filters, EXPORT_ROW_LIMIT);
  return streamExport(actor, { what: "audit_event", filters, query, present, columns: COLUMNS, filename: `audit-log-${now.toISOString().slice(0, 10)}.csv` });
}
