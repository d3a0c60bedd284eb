/**
 * A subject's timeline: consent, screenings, visits, AEs, notes, closed follow-up tasks and every
 * record's changes from the audit trail, in one chronological list, with the subject's open tasks
 * beside it. Built in a FIXED number of queries whatever the subject's history (a test counts
 * them): the subject with its study, coordinator and site; then its screenings, visits, AEs, notes,
 * tasks and the enrollment preview in parallel; then the audit rows
 * of all those records at once, and the names of people those changes mention. Names come from
 * joins or one batch, never a query per row.
 */
import "server-only";
import { and, asc, eq, gte, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { inListPlaceholder, reusableQuery } from "@/db/reusable";
import { adverseEvents, screenings, subjectNotes, users, visitScheduleItems, visits } from "@/db/schema";
import type { Actor } from "../actor";
import { startOfLocalDay } from "../dates";
import { presentHistory, selectHistory } from "../audit/history";
import { authorize, scopeKey } from "../policy";
import { adverseEventJoins, adverseEventModel } from "../read-model/adverse-event";
import { noteJoins, noteModel } from "../read-model/note";
import { screeningJoins, screeningModel } from "../read-model/screening";
import { author, completedBy, coordinator, reporter } from "../read-model/user";
import { visitJoins, visitModel } from "../read-model/visit";
import { visibleTo } from "../read-model/visible";
import { getSubject } from "../subjects/queries";
import { listSubjectTasks } from "../tasks/queries";
import { outOfWindowSql, overdueSql } from "../visits/flags";
import type { HistoryRow, TimelineEntry } from "./types";

/** The audit entity names of the records a timeline shows (as written by recordChange). */
const ENTITIES = ["subject", "screening", "visit", "adverse_event", "subject_note"] as const;

// The timeline's record queries, rendered once per viewer's scope (db/reusable): the subject, its
// study and the time are placeholders.
const recordsQuery = {
  screenings: reusableQuery<Awaited<ReturnType<typeof screeningSelect>>>("timeline_screenings"),
  visits: reusableQuery<Awaited<ReturnType<typeof visitSelect>>>("timeline_visits"),
  aes: reusableQuery<Awaited<ReturnType<typeof aeSelect>>>("timeline_aes"),
  notes: reusableQuery<Awaited<ReturnType<typeof noteSelect>>>("timeline_notes"),
  planned: reusableQuery<Awaited<ReturnType<typeof plannedSelect>>>("timeline_planned"),
};
const subjectId = sql.placeholder("subjectId");
/** The timeline keeps retired records, struck through, with who retired them, when and why. */
const ALL = { retired: "include" } as const;

export function screeningSelect(db: DbOrTx, actor: Actor) {
  return db
    .select({
      ...screeningModel.pick(actor, ["id", "screeningStatus", "screeningDate"]),
      completedByName: completedBy.displayName,
      ...screeningModel.pick(actor, ["notes", "failReason", "version", "createdAt", "retiredAt", "retireReason", "retiredById"]),
    })
    .from(screenings)
    .innerJoin(...screeningJoins.completedBy)
    .where(and(eq(screenings.subjectId, subjectId), visibleTo(actor, screenings, ALL)))
    .orderBy(asc(screenings.screeningDate), asc(screenings.createdAt));
}

export function visitSelect(db: DbOrTx, actor: Actor) {
  return db
    .select({
      ...visitModel.pick(actor, ["id", "visitType", "visitStatus", "scheduledAt", "completedAt", "location"]),
      coordinatorName: coordinator.displayName,
      scheduleName: visitScheduleItems.name,
      ...visitModel.pick(actor, ["windowStart", "windowEnd", "statusReason", "retiredAt", "retireReason", "retiredById"]),
      outOfWindow: outOfWindowSql(),
      overdue: overdueSql(sql.placeholder("now")),
    })
    .from(visits)
    .innerJoin(...visitJoins.coordinator)
    .innerJoin(...visitJoins.site)
    .leftJoin(...visitJoins.scheduleItem)
    .where(and(eq(visits.subjectId, subjectId), visibleTo(actor, visits, ALL)))
    .orderBy(asc(visits.scheduledAt));
}

export function aeSelect(db: DbOrTx, actor: Actor) {
  return db
    .select({
      ...adverseEventModel.pick(actor, ["id", "eventTerm", "severity", "serious", "grade", "onsetDate", "status", "awareAt", "retiredAt", "retireReason", "retiredById"]),
      reportedByName: reporter.displayName,
    })
    .from(adverseEvents)
    .innerJoin(...adverseEventJoins.reporter)
    .where(and(eq(adverseEvents.subjectId, subjectId), visibleTo(actor, adverseEvents, ALL)))
    .orderBy(asc(adverseEvents.onsetDate));
}

export function noteSelect(db: DbOrTx, actor: Actor) {
  return db
    .select({
      ...noteModel.pick(actor, ["id", "noteType", "noteText", "authorId"]),
      authorName: author.displayName,
      ...noteModel.pick(actor, ["version", "createdAt", "updatedAt", "retiredAt", "retireReason", "retiredById"]),
    })
    .from(subjectNotes)
    .innerJoin(...noteJoins.author)
    .where(and(eq(subjectNotes.subjectId, subjectId), visibleTo(actor, subjectNotes, ALL)))
    .orderBy(asc(subjectNotes.createdAt));
}

/** What enrolling would schedule (for the enroll dialog): the planned items, none before the anchor. */
function plannedSelect(db: DbOrTx) {
  return db
    .select({ planned: sql<number>`count(*)`.mapWith(Number) })
    .from(visitScheduleItems)
    .where(and(eq(visitScheduleItems.studyId, sql.placeholder("studyId")), isNull(visitScheduleItems.retiredAt), gte(visitScheduleItems.dayOffset, 0)));
}

export async function getSubjectTimeline(actor: Actor, id: string, now = new Date()) {
  const subject = await getSubject(actor, id);
  const db = await getDb();
  const scope = scopeKey(actor);
  const values = { subjectId: subject.id, studyId: subject.studyId, now: now.toISOString() };

  const [screeningRows, visitRows, aeRows, noteRows, [schedule], taskRows] = await Promise.all([
    recordsQuery.screenings(db, scope, (h) => screeningSelect(h, actor), values),
    recordsQuery.visits(db, scope, (h) => visitSelect(h, actor), values),
    recordsQuery.aes(db, scope, (h) => aeSelect(h, actor), values),
    recordsQuery.notes(db, scope, (h) => noteSelect(h, actor), values),
    recordsQuery.planned(db, "", plannedSelect, values),
    // None for a reader without task.read (a sponsor), without a query.
    listSubjectTasks(actor, subject.id, now),
  ]);

  // The audit rows of the subject and all its records, in one query (history is shown with the
  // record, under its read permission: docs/product.md, "Audit trail").
  authorize(actor, "subject.read", { siteId: subject.siteId, studyId: subject.studyId });
  const entityIds = [subject.id, ...screeningRows.map((r) => r.id), ...visitRows.map((r) => r.id), ...aeRows.map((r) => r.id), ...noteRows.map((r) => r.id)];
  const auditRows = presentHistory(actor, await selectHistory(db, ENTITIES, entityIds, { viewer: actor }));

  const history = new Map<string, HistoryRow[]>();
  for (const row of auditRows) {
    if (row.action === "export") continue;
    const entry: HistoryRow = {
      id: row.id,
      action: row.action,
      at: row.at,
      actorName: row.actorName ?? "System",
      changes: row.changes,
      reason: row.reason,
    };
    const list = history.get(row.entityId!) ?? [];
    list.push(entry);
    history.set(row.entityId!, list);
  }
  const historyOf = (recordId: string) => history.get(recordId) ?? [];
  const userNames = await namesOfUsersIn(auditRows.map((r) => r.changes));
  const tz = subject.siteTimezone;

  const entries: TimelineEntry[] = [];
  const subjectHistory = historyOf(subject.id);
  // Registration, enrollment and withdrawal appear once: from their audit row when there is one
  // (who did it, and what changed), else from the subject's own dates (data from before the audit).
  const has = (action: string) => subjectHistory.some((h) => h.action === action);
  if (!has("create")) entries.push({ kind: "subject", key: `s-created`, at: subject.createdAt, action: "create", history: null });
  if (subject.enrolledAt && !has("enroll")) entries.push({ kind: "subject", key: "s-enrolled", at: subject.enrolledAt, action: "enroll", history: null });
  if (subject.withdrawnAt && !has("withdraw")) {
    entries.push({ kind: "subject", key: "s-withdrawn", at: subject.withdrawnAt, action: "withdraw", history: null });
  }
  for (const h of subjectHistory) entries.push({ kind: "subject", key: `a-${h.id}`, at: h.at, action: h.action, history: h });
  if (subject.consentSignedAt) entries.push({ kind: "consent", key: "consent", at: subject.consentSignedAt });

  for (const s of screeningRows) {
    entries.push({
      kind: "screening",
      key: `scr-${s.id}`,
      at: startOfLocalDay(s.screeningDate, tz),
      dateOnly: s.screeningDate,
      record: s,
      history: historyOf(s.id),
    });
  }
  for (const v of visitRows) {
    entries.push({ kind: "visit", key: `v-${v.id}`, at: v.completedAt ?? v.scheduledAt, record: v, history: historyOf(v.id) });
  }
  for (const ae of aeRows) {
    entries.push({ kind: "ae", key: `ae-${ae.id}`, at: startOfLocalDay(ae.onsetDate, tz), dateOnly: ae.onsetDate, record: ae, history: historyOf(ae.id) });
  }
  for (const n of noteRows) {
    const noteHistory = historyOf(n.id);
    entries.push({
      kind: "note",
      key: `n-${n.id}`,
      at: n.createdAt,
      // Retiring counts a version too, and is the last change a note takes: it is no edit.
      record: { ...n, edited: n.version - (n.retiredAt ? 1 : 0) > 1 || noteHistory.some((h) => h.action === "update") },
      history: noteHistory,
    });
  }
  // A task joins the timeline when it is closed (done or dismissed); open ones are listed beside it.
  for (const t of taskRows) if (t.closedAt) entries.push({ kind: "task", key: `t-${t.id}`, at: t.closedAt, record: t });
  // Oldest first, like a chart; same-instant entries keep a stable order.
  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));

  const openTasks = taskRows.filter((t) => t.status === "open");
  return { subject, entries, openTasks, plannedVisitCount: schedule?.planned ?? 0, userNames, now };
}

/** Changed fields that hold a user's id; their history shows the person's name. */
export const USER_FIELDS = ["coordinatorId", "completedById", "reportedById", "authorId", "assessedById", "retiredById"] as const;

/** One query for every person named in the history (none when nobody is). */
async function namesOfUsersIn(changes: Record<string, [unknown, unknown]>[]): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const c of changes) {
    for (const field of USER_FIELDS) for (const v of c[field] ?? []) if (typeof v === "string") ids.add(v);
  }
  if (ids.size === 0) return {};
  const rows = await namesQuery(await getDb(), "", namesSelect, { ids: [...ids] });
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

const namesQuery = reusableQuery<{ id: string; name: string }[]>("timeline_user_names");
const namesSelect = (db: DbOrTx) =>
  db.select({ id: users.id, name: users.displayName }).from(users).where(inListPlaceholder(users.id, "ids", "uuid"));

export type SubjectTimeline = Awaited<ReturnType<typeof getSubjectTimeline>>;
