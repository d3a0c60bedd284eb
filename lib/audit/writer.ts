/**
 * The audit writer. Every write appends its audit row(s) with this function, inside the same
 * transaction as the change. The database stamps the time, the sequence number and the hash chain
 * (drizzle/0001_audit_guard.sql); this module only decides what goes in the row.
 */
import { sql } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { reusableQuery } from "@/db/reusable";
import { auditEvents } from "@/db/schema";
import type { Actor } from "../actor";

export type Changes = Record<string, [unknown, unknown]>;

export type AuditEntry = {
  actor: Pick<Actor, "id" | "username"> | null;
  /** For events without a signed-in actor (a failed login names the username tried). */
  actorUsername?: string | null;
  siteId?: string | null;
  entity: string;
  entityId?: string | null;
  action: string;
  changes?: Changes;
  reason?: string | null;
  clientAddress?: string | null;
};

/** Fields whose values never enter the audit trail, only the fact that they changed. */
const SECRET_FIELDS = new Set(["password", "tokenHash"]);
/** Bookkeeping that changes on every write and says nothing a reader needs. */
const IGNORED_FIELDS = new Set(["updatedAt", "version", "createdAt"]);

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/**
 * `{ field: [old, new] }` for each field that differs. `before` null means a creation: every
 * non-null field of `after` is listed with old = null.
 */
export function diffChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    if (IGNORED_FIELDS.has(key)) continue;
    const oldValue = normalise(before?.[key]);
    const newValue = normalise(after[key]);
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    if (before === null && newValue === null) continue;
    changes[key] = SECRET_FIELDS.has(key) ? ["[redacted]", "[redacted]"] : [oldValue, newValue];
  }
  return changes;
}

/** The audit insert for n rows, rendered once per n (db/reusable); every value a placeholder. */
const insertAudit = reusableQuery<unknown>("append_audit");

const auditColumns = ["actorId", "actorUsername", "siteId", "entity", "entityId", "action", "changes", "reason", "clientAddress"] as const;

function insertQuery(db: DbOrTx, rows: number) {
  const values = Array.from({ length: rows }, (_, i) => Object.fromEntries(auditColumns.map((c) => [c, sql.placeholder(`${c}${i}`)])));
  return db.insert(auditEvents).values(values as unknown as PgInsertValue<typeof auditEvents>[]);
}

export async function appendAudit(db: DbOrTx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const values: Record<string, unknown> = {};
  list.forEach((e, i) => {
    const row: Record<(typeof auditColumns)[number], unknown> = {
      actorId: e.actor?.id ?? null,
      actorUsername: e.actor?.username ?? e.actorUsername ?? null,
      siteId: e.siteId ?? null,
      entity: e.entity,
      entityId: e.entityId ?? null,
      action: e.action,
      changes: e.changes ?? {},
      reason: e.reason ?? null,
      clientAddress: e.clientAddress ?? null,
    };
    for (const column of auditColumns) values[`${column}${i}`] = row[column];
  });
  await insertAudit(db, String(list.length), (h) => insertQuery(h, list.length), values);
}
