/**
 * The sponsor's study overview (docs/product.md, "Sponsor view"): the studies granted to a sponsor and,
 * per study, the enrollment funnel, screen-fail rate, visit compliance and AE counts. Everything is
 * an SQL aggregate — counts only, never a subject row — so nothing identifying is read at all, and
 * the number of queries is fixed whatever the study's size (the list is one, an overview four).
 * Admins may read it too; site staff have their own dashboard.
 */
import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { SEVERITIES, adverseEvents, screenings, sites, studies, subjects, visits } from "@/db/schema";
import type { Actor } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { authorize, can, scopeStudies, scopeWhere } from "../policy";
import { outOfWindowSql } from "../visits/flags";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const count = (condition?: ReturnType<typeof sql>) =>
  (condition ? sql<number>`count(*) filter (where ${condition})` : sql<number>`count(*)`).mapWith(Number);

/** The overview is the sponsor's home; admins may look over their shoulder (read-only). For pages and the nav. */
export function mayViewSponsorOverview(actor: Actor): boolean {
  return can(actor, "study.read") && (actor.role === "sponsor" || actor.role === "admin");
}

function authorizeOverview(actor: Actor): void {
  authorize(actor, "study.read");
  if (!mayViewSponsorOverview(actor)) throw new ForbiddenError();
}

export type SponsorStudyRow = {
  id: string;
  protocolId: string;
  title: string;
  status: (typeof studies.$inferSelect)["status"];
  siteName: string;
  subjects: number;
  enrolled: number;
  aes: number;
  seriousAes: number;
};

/** The studies the actor may see (a sponsor: those granted and not revoked), with headline counts: one query. */
export async function listSponsorStudies(actor: Actor): Promise<SponsorStudyRow[]> {
  authorizeOverview(actor);
  const db = await getDb();
  const subjectCount = (extra: ReturnType<typeof sql>) =>
    sql<number>`(select count(*) from ${subjects} where ${subjects.studyId} = ${studies.id} and ${subjects.retiredAt} is null and ${extra})`.mapWith(Number);
  const aeCount = (extra: ReturnType<typeof sql>) =>
    sql<number>`(select count(*) from ${adverseEvents} where ${adverseEvents.studyId} = ${studies.id} and ${adverseEvents.retiredAt} is null and ${extra})`.mapWith(Number);
  return db
    .select({
      id: studies.id,
      protocolId: studies.protocolId,
      title: studies.title,
      status: studies.status,
      siteName: sites.name,
      subjects: subjectCount(sql`true`),
      enrolled: subjectCount(sql`${subjects.enrolledAt} is not null`),
      aes: aeCount(sql`true`),
      seriousAes: aeCount(sql`${adverseEvents.serious}`),
    })
    .from(studies)
    .innerJoin(sites, eq(sites.id, studies.siteId))
    .where(scopeStudies(actor))
    .orderBy(asc(studies.protocolId), asc(studies.id));
}

export type Severity = (typeof SEVERITIES)[number];

export type StudyOverview = {
  study: { id: string; protocolId: string; title: string; status: SponsorStudyRow["status"]; siteName: string; siteTimezone: string };
  /** Subjects (not retired) at each stage. `enrolled` splits into ongoing + completed + withdrawn + lost. */
  funnel: {
    registered: number;
    screened: number;
    passed: number;
    failed: number;
    enrolled: number;
    ongoing: number;
    completed: number;
    withdrawn: number;
    lost: number;
  };
  /** failed ÷ screened; null when nobody was screened. */
  screenFailRate: number | null;
  /**
   * Planned (protocol) visits that are due — their window has ended, or they are completed —
   * and how they turned out. compliance = completed in window ÷ due; null when none is due.
   */
  visits: { due: number; completedInWindow: number; completedOutOfWindow: number; missed: number; overdue: number; compliance: number | null };
  aes: { total: number; serious: number; bySeverity: { severity: Severity; serious: number; nonSerious: number; total: number }[] };
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * One study's overview: four queries (the study, then subjects, visits and AEs aggregated in
 * parallel). A study the actor may not see — not granted, revoked, or a malformed id — is "not found".
 */
export async function getStudyOverview(actor: Actor, studyId: string, now: Date = new Date()): Promise<StudyOverview> {
  authorizeOverview(actor);
  if (!UUID.test(studyId)) throw new NotFoundError();
  const db = await getDb();
  const [study] = await db
    .select({
      id: studies.id,
      siteId: studies.siteId,
      protocolId: studies.protocolId,
      title: studies.title,
      status: studies.status,
      siteName: sites.name,
      siteTimezone: sites.timezone,
    })
    .from(studies)
    .innerJoin(sites, eq(sites.id, studies.siteId))
    .where(and(eq(studies.id, studyId), scopeStudies(actor)))
    .limit(1);
  if (!study) throw new NotFoundError();
  authorize(actor, "study.read", { siteId: study.siteId, studyId: study.id });

  const enrolled = sql`${subjects.enrolledAt} is not null`;
  const screened = sql`(${subjects.screeningStatus} <> 'pending' or ${subjects.enrolledAt} is not null or exists (
    select 1 from ${screenings} where ${screenings.subjectId} = ${subjects.id} and ${screenings.retiredAt} is null))`;
  // A planned visit comes from the protocol schedule; canceled ones (e.g. after a withdrawal) are not owed.
  const planned = sql`${visits.scheduleItemId} is not null and ${visits.visitStatus} <> 'canceled'`;
  const siteToday = sql`(${now.toISOString()}::timestamptz at time zone ${sites.timezone})::date`;
  const windowEnded = sql`coalesce(${visits.windowEnd}, (${visits.scheduledAt} at time zone ${sites.timezone})::date) < ${siteToday}`;
  const due = sql`(${planned} and (${visits.visitStatus} = 'completed' or ${windowEnded}))`;

  const [[people], [visitCounts], aeRows] = await Promise.all([
    db
      .select({
        registered: count(),
        screened: count(screened),
        passed: count(sql`(${subjects.screeningStatus} = 'passed' or ${enrolled})`),
        failed: count(sql`${subjects.screeningStatus} = 'failed'`),
        enrolled: count(enrolled),
        ongoing: count(sql`${enrolled} and ${subjects.status} = 'enrolled'`),
        completed: count(sql`${enrolled} and ${subjects.status} = 'completed'`),
        withdrawn: count(sql`${enrolled} and ${subjects.status} = 'withdrawn'`),
        lost: count(sql`${enrolled} and ${subjects.status} = 'lost_to_follow_up'`),
      })
      .from(subjects)
      .where(and(eq(subjects.studyId, study.id), isNull(subjects.retiredAt), scopeWhere(actor, subjects))),
    db
      .select({
        due: count(due),
        completedInWindow: count(sql`${due} and ${visits.visitStatus} = 'completed' and not ${outOfWindowSql()}`),
        completedOutOfWindow: count(sql`${due} and ${visits.visitStatus} = 'completed' and ${outOfWindowSql()}`),
        missed: count(sql`${due} and ${visits.visitStatus} = 'missed'`),
        overdue: count(sql`${due} and ${visits.visitStatus} = 'scheduled'`),
      })
      .from(visits)
      .innerJoin(sites, eq(sites.id, visits.siteId))
      .where(and(eq(visits.studyId, study.id), isNull(visits.retiredAt), scopeWhere(actor, visits))),
    db
      .select({ severity: adverseEvents.severity, serious: adverseEvents.serious, n: count() })
      .from(adverseEvents)
      .where(and(eq(adverseEvents.studyId, study.id), isNull(adverseEvents.retiredAt), scopeWhere(actor, adverseEvents)))
      .groupBy(adverseEvents.severity, adverseEvents.serious),
  ]);

  const funnel = people!;
  const v = visitCounts!;
  const bySeverity = SEVERITIES.map((severity) => {
    const of = (serious: boolean) => aeRows.find((r) => r.severity === severity && r.serious === serious)?.n ?? 0;
    return { severity, serious: of(true), nonSerious: of(false), total: of(true) + of(false) };
  });
  const { siteId: _siteId, ...studyOut } = study;
  void _siteId;
  return {
    study: studyOut,
    funnel,
    screenFailRate: ratio(funnel.failed, funnel.screened),
    visits: { ...v, compliance: ratio(v.completedInWindow, v.due) },
    aes: {
      total: bySeverity.reduce((sum, r) => sum + r.total, 0),
      serious: bySeverity.reduce((sum, r) => sum + r.serious, 0),
      bySeverity,
    },
  };
}
