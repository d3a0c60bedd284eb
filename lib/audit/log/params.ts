/**
 * The audit log's URL state, shared by the page and its CSV export. Filters as on every list;
 * the page is a keyset cursor on `seq` (before = older than, after = newer than) instead of a
 * page number, because the table is append-only and large: OFFSET would read and discard every
 * skipped row, and new events arriving would shift the pages under the reader.
 * Dates are calendar days in UTC: the log spans sites in different zones, so one zone for all.
 */
import { z } from "zod";
import { addDaysIso, isIsoDate } from "../../dates";
import { first, optional, type SearchParams } from "../../list/params";

export const AUDIT_PAGE_SIZE = 50;

const isoDate = z.string().refine(isIsoDate);
const seq = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Entity and action names are short identifiers written by the app ("adverse_event", "login.failed"). */
export const auditFilterSchema = z.object({
  actorId: optional(z.uuid()),
  entity: optional(z.string().trim().max(60).regex(/^[a-z][a-z0-9_]*$/)),
  entityId: optional(z.string().trim().max(100)),
  action: optional(z.string().trim().max(60).regex(/^[a-z][a-z0-9_.]*$/i)),
  from: optional(isoDate),
  to: optional(isoDate),
});
export type AuditFilters = z.output<typeof auditFilterSchema>;

export type AuditCursor = { before?: number; after?: number };
export type AuditLogState = { filters: AuditFilters; cursor: AuditCursor; pageSize: number };

export function parseAuditLogParams(params: SearchParams): AuditLogState {
  const flat: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) flat[key] = first(value);
  const filters = auditFilterSchema.parse(flat);
  const before = optional(seq).parse(flat.before);
  // One direction at a time; "before" wins if a hand-edited URL has both.
  const after = before === undefined ? optional(seq).parse(flat.after) : undefined;
  return { filters, cursor: { before, after }, pageSize: AUDIT_PAGE_SIZE };
}

/** The UTC instants bounding the date filter: [from 00:00Z, day after `to` 00:00Z). */
export function utcRange(filters: Pick<AuditFilters, "from" | "to">): { start?: Date; end?: Date } {
  return {
    start: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    end: filters.to ? new Date(`${addDaysIso(filters.to, 1)}T00:00:00Z`) : undefined,
  };
}
