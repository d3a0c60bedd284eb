/**
 * A record's change history, read from the audit trail: one query for any number of records
 * (the timeline asks for a subject and all its screenings, visits, AEs and notes at once), and
 * one rule for what a sponsor may read of it (product.md: de-identified — no name, year of birth
 * only, no free text). Every page that shows a record shows its history through here.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "./actor";
import { canSeeIdentifiers } from "./policy";

export type HistoryEntry = {
  id: string;
  entity: string;
  entityId: string | null;
  action: string;
  at: Date;
  actorName: string | null;
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
};

/** Audit rows of the given records, with the actor's display name. */
export function selectHistory(
  db: DbOrTx,
  entities: readonly string[],
  entityIds: readonly string[],
  { order = "asc", limit = 1000 }: { order?: "asc" | "desc"; limit?: number } = {},
): Promise<HistoryEntry[]> {
  if (entityIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: auditEvents.id,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      at: auditEvents.at,
      actorName: sql<string | null>`coalesce(${users.displayName}, ${auditEvents.actorUsername})`,
      changes: auditEvents.changes,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(inArray(auditEvents.entity, [...entities]), inArray(auditEvents.entityId, [...entityIds])))
    .orderBy(order === "asc" ? asc(auditEvents.seq) : desc(auditEvents.seq))
    .limit(limit);
}

/** Fields of the audit's old → new values that identify a person or are free text. */
const WITHHELD_FIELDS = new Set(["fullName", "noteText", "notes", "failReason", "withdrawalReason", "statusReason", "retireReason"]);
export const WITHHELD = "[withheld]";

const yearOnly = (v: unknown) => (typeof v === "string" && /^\d{4}-/.test(v) ? v.slice(0, 4) : v);

export function redactChanges(changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [field, [before, after]] of Object.entries(changes)) {
    if (WITHHELD_FIELDS.has(field)) out[field] = [before === null ? null : WITHHELD, after === null ? null : WITHHELD];
    else if (field === "dob") out[field] = [yearOnly(before), yearOnly(after)];
    else out[field] = [before, after];
  }
  return out;
}

/** History as this actor may read it: whole for site staff and admins, de-identified for sponsors. */
export function presentHistory<T extends Pick<HistoryEntry, "changes" | "reason">>(actor: Actor, rows: T[]): T[] {
  if (canSeeIdentifiers(actor)) return rows;
  // A reason for change is free text written about the person ("name misspelt"): withheld too.
  return rows.map((r) => ({ ...r, changes: redactChanges(r.changes), reason: r.reason === null ? null : WITHHELD }));
}
