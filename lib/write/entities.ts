/**
 * The tables the write road changes, with what the road needs to know of each: how a row is
 * scoped to the actor's sites, which facts the policy decides on, how its live event is addressed
 * and whether it carries a version. A table that is audited is written only through the road
 * (lib/write/road.ts); `audit-boundary.test.ts` fails when any other module inserts, updates or
 * deletes one of these tables.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  adverseEvents,
  apiTokens,
  eSignatures,
  screenings,
  sites,
  studies,
  studySponsorAccess,
  subjectNotes,
  subjects,
  tasks,
  users,
  visits,
  visitScheduleItems,
} from "@/db/schema";
import type { Actor } from "../actor";
import type { ChangeEvent } from "../live/notify";
import { scopeStudies, scopeWhere, type Resource } from "../policy";

type Row = Record<string, unknown>;

export type EntitySpec<T extends PgTable = PgTable> = {
  table: T;
  /** The entity name in audit rows. */
  audit: string;
  /** The live event's entity; absent: changes to it announce nothing of their own. */
  live?: ChangeEvent["entity"] | ((row: Row) => { entity: ChangeEvent["entity"]; id: string });
  /** The rows this actor may reach at all (a foreign row is "not found"); absent: any row. */
  scope?: (actor: Actor) => SQL;
  /** What the policy decides on: the row's site and study, its author. */
  facts: (row: Row) => Resource;
  /** The subject a record belongs to (a timeline refreshes for it), if any. */
  subjectId?: (row: Row) => string | null;
  versioned: boolean;
  /** Rows entered in error are retired, never deleted; loads skip retired rows. */
  retirable: boolean;
  /** The row's key, for a table whose primary key is not `id`. */
  keyOf?: (row: Row) => SQL;
};

const str = (v: unknown) => (typeof v === "string" ? v : null);
const clinical = (row: Row): Resource => ({ siteId: str(row.siteId), studyId: str(row.studyId) });
/** A note's facts add its author: only the author edits it (the policy's `own` grant). */
const authored = (row: Row): Resource => ({ ...clinical(row), authorId: str(row.authorId) });
type ScopeColumns = { siteId: AnyPgColumn; studyId: AnyPgColumn };

/**
 * A part of a study (a schedule item, a sponsor's access): decided on its study, and announced as a
 * change to the study, which subscribers re-read.
 */
const partOfStudy = {
  live: (row: Row): { entity: ChangeEvent["entity"]; id: string } => ({ entity: "study", id: String(row.studyId) }),
  facts: (row: Row): Resource => ({ siteId: null, studyId: str(row.studyId) }),
};

function spec<T extends PgTable>(s: EntitySpec<T>): EntitySpec<T> {
  return s;
}

/**
 * A subject's clinical record (the subject itself, its screenings, visits, AEs and notes): scoped to
 * the actor's sites or studies, decided on its site and study, announced under its own name to the
 * timeline of its subject, versioned and retirable. `differs` names what is otherwise.
 */
function clinicalRecord<T extends PgTable & ScopeColumns>(
  table: T,
  name: ChangeEvent["entity"],
  differs: Partial<Pick<EntitySpec<T>, "facts" | "subjectId">> = {},
): EntitySpec<T> {
  return spec({
    table,
    audit: name,
    live: name,
    scope: (actor) => scopeWhere(actor, table),
    facts: clinical,
    subjectId: (row) => str(row.subjectId),
    versioned: true,
    retirable: true,
    ...differs,
  });
}

export const ENTITIES = {
  subject: clinicalRecord(subjects, "subject", { subjectId: (row) => str(row.id) }),
  screening: clinicalRecord(screenings, "screening"),
  visit: clinicalRecord(visits, "visit"),
  adverse_event: clinicalRecord(adverseEvents, "adverse_event"),
  subject_note: clinicalRecord(subjectNotes, "subject_note", { facts: authored }),
  study: spec({
    table: studies,
    audit: "study",
    live: "study",
    scope: (actor) => scopeStudies(actor),
    facts: (row) => ({ siteId: str(row.siteId), studyId: str(row.id) }),
    versioned: true,
    retirable: false,
  }),
  visit_schedule_item: spec({
    table: visitScheduleItems,
    audit: "visit_schedule_item",
    ...partOfStudy,
    versioned: true,
    retirable: true,
  }),
  study_sponsor_access: spec({
    table: studySponsorAccess,
    audit: "study_sponsor_access",
    ...partOfStudy,
    versioned: false,
    retirable: false,
    keyOf: (row) => and(eq(studySponsorAccess.studyId, String(row.studyId)), eq(studySponsorAccess.userId, String(row.userId)))!,
  }),
  site: spec({
    table: sites,
    audit: "site",
    live: "site",
    facts: (row) => ({ siteId: str(row.id) }),
    versioned: true,
    retirable: false,
  }),
  user: spec({
    table: users,
    audit: "user",
    // Live streams re-read their subscriber's rights at once when the subscriber's own record changes.
    live: "user",
    facts: (row) => ({ siteId: str(row.siteId) }),
    versioned: true,
    retirable: false,
  }),
  signature: spec({
    table: eSignatures,
    audit: "e_signature",
    facts: (row) => ({ siteId: str(row.siteId) }),
    versioned: false,
    retirable: false,
  }),
  /** A follow-up task: the site's working list, scoped like a clinical record, never retired (dismissed instead). */
  task: spec({
    table: tasks,
    audit: "task",
    live: "task",
    scope: (actor) => scopeWhere(actor, tasks),
    facts: clinical,
    subjectId: (row) => str(row.subjectId),
    versioned: true,
    retirable: false,
  }),
  api_token: spec({
    table: apiTokens,
    audit: "api_token",
    // Tokens belong to a person: the policy's token.manage compares the owner.
    facts: (row) => ({ siteId: null, authorId: str(row.userId) }),
    versioned: false,
    retirable: false,
  }),
} as const;

export type EntityName = keyof typeof ENTITIES;
export type TableOf<E extends EntityName> = (typeof ENTITIES)[E]["table"];
export type RowOf<E extends EntityName> = TableOf<E>["$inferSelect"];
export type InsertOf<E extends EntityName> = TableOf<E>["$inferInsert"];

/** The audited tables, for the boundary test and lint. */
export const AUDITED_TABLES: readonly PgTable[] = Object.values(ENTITIES).map((e) => e.table);

/** `now()` of the database, for a value the road writes (e.g. sponsorNotifiedAt). */
export const DB_NOW = sql`now()`;
