/**
 * A record's change history, read from the audit trail: one query for any number of records
 * (the timeline asks for a subject and all its screenings, visits, AEs and notes at once), and
 * one rule for what a sponsor may read of it (docs/product.md, "Sponsor view": de-identified — no name, year of birth
 * only, no free text). Every page that shows a record shows its history through here.
 */
import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inListPlaceholder, reusableQuery } from "@/db/reusable";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "../actor";
import { canSeeIdentifiers } from "../policy";
import { READ_MODELS } from "../read-model";
import type { Deidentify } from "../read-model/model";

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

/**
 * Audit rows of the given records, with the actor's display name. Pass `viewer` and, for one who
 * may not see identifiers, the query itself redacts the old → new values and the reason (the same
 * rule as presentHistory, in SQL), so the identifying values never leave the database.
 */
export function selectHistory(
  db: DbOrTx,
  entities: readonly string[],
  entityIds: readonly string[],
  { order = "asc", limit = 1000, viewer }: { order?: "asc" | "desc"; limit?: number; viewer?: Actor } = {},
): Promise<HistoryEntry[]> {
  if (entityIds.length === 0) return Promise.resolve([]);
  const redact = viewer !== undefined && !canSeeIdentifiers(viewer);
  // Rendered once per kind of caller (db/reusable); the ids go in as one array, however many.
  const key = `${entities.join(",")}|${redact ? "redacted" : "whole"}|${order}`;
  return historyQuery(db, key, (h) => historySelect(h, entities, redact, order), { ids: [...entityIds], limit });
}

const historyQuery = reusableQuery<HistoryEntry[]>("select_history");

function historySelect(db: DbOrTx, entities: readonly string[], redact: boolean, order: "asc" | "desc") {
  return db
    .select({
      id: auditEvents.id,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      at: auditEvents.at,
      actorName: sql<string | null>`coalesce(${users.displayName}, ${auditEvents.actorUsername})`,
      changes: redact ? redactedChangesSql() : auditEvents.changes,
      reason: redact ? sql<string | null>`case when ${auditEvents.reason} is null then null else ${WITHHELD} end` : auditEvents.reason,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(inArray(auditEvents.entity, [...entities]), inListPlaceholder(auditEvents.entityId, "ids", "text")))
    .orderBy(order === "asc" ? asc(auditEvents.seq) : desc(auditEvents.seq))
    .limit(sql.placeholder("limit") as unknown as number);
}

/**
 * Fields of the audit's old → new values that identify a person or are free text, and those cut
 * to the year: as the entities' read models declare them (lib/read-model). Over all entities at
 * once — a field identifying in one entity is withheld in any (none shares a name innocently).
 */
const rulesOf = (how: Deidentify) => new Set(READ_MODELS.flatMap((m) => Object.keys(m.identifying).filter((k) => m.identifying[k] === how)));
const WITHHELD_FIELDS = rulesOf("withhold");
const YEAR_FIELDS = rulesOf("year");
export const WITHHELD = "[withheld]";

/** redactChanges() as SQL over `audit_events.changes`: withheld fields masked, dates of birth cut to the year. */
function redactedChangesSql() {
  const side = (v: SQL, i: 0 | 1) => sql`(${v}) -> ${sql.raw(String(i))}`;
  const masked = (v: SQL, i: 0 | 1) =>
    sql`case when ${side(v, i)} is null or ${side(v, i)} = 'null'::jsonb then 'null'::jsonb else to_jsonb(${WITHHELD}::text) end`;
  const year = (v: SQL, i: 0 | 1) =>
    sql`case when jsonb_typeof(${side(v, i)}) = 'string' and (${side(v, i)} #>> '{}') ~ '^[0-9]{4}-' then to_jsonb(left(${side(v, i)} #>> '{}', 4)) else ${side(v, i)} end`;
  const v = sql`e.value`;
  const list = (fields: Set<string>) => sql.join([...fields].map((f) => sql`${f}`), sql`, `);
  return sql<Record<string, [unknown, unknown]>>`(select coalesce(jsonb_object_agg(e.key, case
      when e.key in (${list(WITHHELD_FIELDS)}) then jsonb_build_array(${masked(v, 0)}, ${masked(v, 1)})
      when e.key in (${list(YEAR_FIELDS)}) then jsonb_build_array(${year(v, 0)}, ${year(v, 1)})
      else e.value end), '{}'::jsonb)
    from jsonb_each(${auditEvents.changes}) as e)`.mapWith(auditEvents.changes);
}

const yearOnly = (v: unknown) => (typeof v === "string" && /^\d{4}-/.test(v) ? v.slice(0, 4) : v);

export function redactChanges(changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [field, [before, after]] of Object.entries(changes)) {
    if (WITHHELD_FIELDS.has(field)) out[field] = [before === null ? null : WITHHELD, after === null ? null : WITHHELD];
    else if (YEAR_FIELDS.has(field)) out[field] = [yearOnly(before), yearOnly(after)];
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
