/**
 * The admin audit log: the audit trail filtered by user, record, action and UTC day, newest
 * first, paged by keyset on `seq` (see ./params.ts). Each read is a fixed number of queries
 * whatever the data size: a page is at most four (rows; whether the other side has more; a
 * refill when "newer" reached the top; the names of people, sites, studies and subjects the
 * changes mention, in one batch). The subject of a screening, note, visit or AE is resolved
 * in the same row query by primary-key joins, so rows can link to the subject's timeline.
 */
import "server-only";
import { and, asc, desc, eq, gt, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type DbOrTx } from "@/db";
import { adverseEvents, auditEvents, screenings, sites, studies, subjectNotes, subjects, users, visits } from "@/db/schema";
import type { Actor } from "../../actor";
import { verifySinceCheckpoint, type ChainResult } from "../verify";
import { presentHistory } from "../history";
import { authorize } from "../../policy";
import { resultRows } from "../../rate-limit";
import { utcRange, type AuditFilters, type AuditLogState } from "./params";

const UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
const UUID = new RegExp(UUID_PATTERN, "i");

/**
 * The row's entity id as a uuid when the row is about `entity`, else null — guarded, so a
 * malformed id in some other kind of row can never make the cast fail the whole page.
 */
function idOf(entity: string): SQL {
  return sql`(case when ${auditEvents.entity} = ${entity} and ${auditEvents.entityId} ~* ${UUID_PATTERN} then ${auditEvents.entityId}::uuid end)`;
}

const subjectOfRow = alias(subjects, "audit_subject");

const rowColumns = {
  id: auditEvents.id,
  seq: auditEvents.seq,
  at: auditEvents.at,
  actorId: auditEvents.actorId,
  actorUsername: auditEvents.actorUsername,
  /** The account's display name, or the username tried (failed sign-ins name no account). */
  actorName: sql<string | null>`coalesce(${users.displayName}, ${auditEvents.actorUsername})`,
  siteId: auditEvents.siteId,
  siteName: sites.name,
  /** The row's site's zone, for showing its site-local time beside UTC. */
  siteTimezone: sites.timezone,
  entity: auditEvents.entity,
  entityId: auditEvents.entityId,
  action: auditEvents.action,
  changes: auditEvents.changes,
  reason: auditEvents.reason,
  clientAddress: auditEvents.clientAddress,
  hash: auditEvents.hash,
  /** The subject this record belongs to (itself, for a subject), when there is one. */
  subjectId: subjectOfRow.id,
  subjectCode: subjectOfRow.subjectId,
};

export type AuditLogRow = {
  id: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  siteId: string | null;
  siteName: string | null;
  siteTimezone: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
  clientAddress: string | null;
  hash: string;
  subjectId: string | null;
  subjectCode: string | null;
};

function filterWhere(f: AuditFilters): SQL | undefined {
  const { start, end } = utcRange(f);
  return and(
    // A user's events, and failed sign-ins against their account (those have no actor: the
    // password was wrong, but the session row names the account tried).
    f.actorId
      ? or(
          eq(auditEvents.actorId, f.actorId),
          and(isNull(auditEvents.actorId), eq(auditEvents.entity, "session"), eq(auditEvents.entityId, f.actorId)),
        )
      : undefined,
    f.entity ? eq(auditEvents.entity, f.entity) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    start ? gte(auditEvents.at, start) : undefined,
    end ? lt(auditEvents.at, end) : undefined,
  );
}

/** The rows matching `where`, joined to what a reader needs, in one query. */
function selectRows(db: DbOrTx, where: SQL | undefined, order: "asc" | "desc", limit: number): Promise<AuditLogRow[]> {
  return rowSelect(db, where, order, limit) as Promise<AuditLogRow[]>;
}

/** The log's rows in seq order (unrun: the CSV export reads it through a cursor). */
function rowSelect(db: DbOrTx, where: SQL | undefined, order: "asc" | "desc", limit: number) {
  return db
    .select(rowColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(sites, eq(sites.id, auditEvents.siteId))
    .leftJoin(screenings, eq(screenings.id, idOf("screening")))
    .leftJoin(subjectNotes, eq(subjectNotes.id, idOf("subject_note")))
    .leftJoin(visits, eq(visits.id, idOf("visit")))
    .leftJoin(adverseEvents, eq(adverseEvents.id, idOf("adverse_event")))
    .leftJoin(
      subjectOfRow,
      eq(
        subjectOfRow.id,
        sql`coalesce(${idOf("subject")}, ${screenings.subjectId}, ${subjectNotes.subjectId}, ${visits.subjectId}, ${adverseEvents.subjectId})`,
      ),
    )
    .where(where)
    .orderBy(order === "asc" ? asc(auditEvents.seq) : desc(auditEvents.seq))
    .limit(limit);
}

export type AuditLogPage = {
  rows: AuditLogRow[];
  /** Cursor for the next page towards older events (null: none older). */
  olderThan: number | null;
  /** Cursor for the next page towards newer events (null: this is the newest page). */
  newerThan: number | null;
  /** Display names of the ids the changes mention (users, sites, studies, subjects). */
  names: Record<string, string>;
};

/** One page of the audit log, newest first. */
export async function listAuditLog(actor: Actor, state: AuditLogState): Promise<AuditLogPage> {
  authorize(actor, "audit.read");
  const db = await getDb();
  const filters = filterWhere(state.filters);
  const n = state.pageSize;
  const { before, after } = state.cursor;

  let rows: AuditLogRow[];
  let hasOlder: boolean;
  let hasNewer: boolean;
  if (after !== undefined) {
    // Towards newer: the n events just after the cursor, read upwards, shown newest first.
    const up = await selectRows(db, and(filters, gt(auditEvents.seq, after)), "asc", n + 1);
    hasNewer = up.length > n;
    rows = up.slice(0, n).reverse();
    if (!hasNewer && rows.length < n) {
      // Reached the top with a short page: show the newest full page instead.
      const top = await selectRows(db, filters, "desc", n + 1);
      rows = top.slice(0, n);
      hasOlder = top.length > n;
    } else {
      hasOlder = await existsBeyond(db, filters, rows, "older");
    }
  } else {
    const down = await selectRows(db, and(filters, before !== undefined ? lt(auditEvents.seq, before) : undefined), "desc", n + 1);
    hasOlder = down.length > n;
    rows = down.slice(0, n);
    hasNewer = before !== undefined && (await existsBeyond(db, filters, rows, "newer"));
  }

  const presented = presentHistory(actor, rows);
  return {
    rows: presented,
    olderThan: hasOlder && rows.length > 0 ? rows[rows.length - 1]!.seq : null,
    newerThan: hasNewer && rows.length > 0 ? rows[0]!.seq : null,
    names: await namesFor(db, presented),
  };
}

/** Whether any matching event lies beyond this page in the given direction. */
async function existsBeyond(db: DbOrTx, filters: SQL | undefined, rows: AuditLogRow[], side: "older" | "newer"): Promise<boolean> {
  if (rows.length === 0) return false;
  const edge = side === "older" ? lt(auditEvents.seq, rows[rows.length - 1]!.seq) : gt(auditEvents.seq, rows[0]!.seq);
  const found = await db.select({ one: sql`1` }).from(auditEvents).where(and(filters, edge)).limit(1);
  return found.length > 0;
}

/**
 * Names for the ids in old → new values (a coordinator changed, a study's PI, a grant's user):
 * one query over users, sites, studies and subjects, whatever the page holds.
 */
async function namesFor(db: DbOrTx, rows: { changes: Record<string, [unknown, unknown]> }[]): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const row of rows) {
    for (const [field, pair] of Object.entries(row.changes)) {
      if (!/Id$/.test(field)) continue;
      for (const v of pair) if (typeof v === "string" && UUID.test(v)) ids.add(v.toLowerCase());
    }
  }
  if (ids.size === 0) return {};
  const list = [...ids];
  const idArray = sql`array[${sql.join(list.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const result = await db.execute(sql`
    select id::text as id, display_name as name from ${users} where id = any(${idArray})
    union all select id::text, name from ${sites} where id = any(${idArray})
    union all select id::text, protocol_id from ${studies} where id = any(${idArray})
    union all select id::text, subject_id from ${subjects} where id = any(${idArray})`);
  return Object.fromEntries(resultRows<{ id: string; name: string }>(result).map((r) => [r.id, r.name]));
}

/** Every matching event (newest first, capped) for the CSV export: one query. */
/**
 * The filtered log, newest first (capped), as a select for the CSV export's cursor and the
 * redaction each batch gets (presentHistory); in an object, unrun.
 */
export async function auditLogExportQuery(actor: Actor, filters: AuditFilters, limit: number) {
  authorize(actor, "audit.read");
  const query = rowSelect(await getDb(), filterWhere(filters), "desc", limit) as unknown as PromiseLike<AuditLogRow[]>;
  return { query, present: (rows: AuditLogRow[]) => presentHistory(actor, rows) };
}

export async function exportAuditLog(actor: Actor, filters: AuditFilters, limit: number): Promise<AuditLogRow[]> {
  authorize(actor, "audit.read");
  const db = await getDb();
  return presentHistory(actor, await selectRows(db, filterWhere(filters), "desc", limit));
}

export type AuditFilterOptions = {
  users: { value: string; label: string }[];
  entities: string[];
  actions: string[];
};

/**
 * Choices for the filter bar: every account, and the entity and action names that occur in
 * the trail. The distinct names are read by skipping through the indexes (a recursive
 * "loose index scan"), so the cost grows with the number of names, not of events.
 */
export async function getAuditFilterOptions(actor: Actor): Promise<AuditFilterOptions> {
  authorize(actor, "audit.read");
  const db = await getDb();
  const distinct = (column: "entity" | "action") =>
    db.execute(sql`
      with recursive names(name) as (
        (select ${sql.identifier(column)} from ${auditEvents} order by 1 limit 1)
        union all
        select (select a.${sql.identifier(column)} from ${auditEvents} a where a.${sql.identifier(column)} > names.name order by 1 limit 1)
        from names where names.name is not null
      )
      select name from names where name is not null`);
  const [people, entities, actions] = await Promise.all([
    db
      .select({ id: users.id, displayName: users.displayName, username: users.username })
      .from(users)
      .orderBy(asc(sql`lower(${users.displayName})`), asc(users.username)),
    distinct("entity"),
    distinct("action"),
  ]);
  return {
    users: people.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
    entities: resultRows<{ name: string }>(entities).map((r) => r.name),
    actions: resultRows<{ name: string }>(actions).map((r) => r.name),
  };
}

/**
 * The hash-chain check for the audit page: the events written since the last verified one (the
 * stored checkpoint), so a load costs what was written since, not the whole trail. The whole trail
 * is re-read by `npm run audit:verify -- --full`.
 */
export async function checkAuditChain(actor: Actor): Promise<ChainResult> {
  authorize(actor, "audit.read");
  return verifySinceCheckpoint(await getDb());
}
