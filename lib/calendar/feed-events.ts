/**
 * What a calendar feed holds, read without a signed-in session (a calendar client has none): the
 * feed's owner, if the feed is live and the owner an active coordinator or investigator with a site,
 * and then, from 30 days back to 90 ahead —
 *   - visits: a coordinator's own (they are the visit's coordinator), an investigator's site's;
 *     not canceled, not retired;
 *   - open tasks assigned to the owner, or to the owner's role at their site.
 * Only codes and fixed words leave here: a subject's code, the study's protocol id, the site's
 * name — never a name, a location typed in, a task's title or details.
 */
import "server-only";
import { and, eq, gte, isNull, lte, ne, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { calendarFeeds, sites, studies, subjects, tasks, users, visits } from "@/db/schema";
import type { TaskEntity, TaskPriority, VisitStatus, VisitType } from "@/domain/vocabulary";

export const PAST_DAYS = 30;
export const AHEAD_DAYS = 90;
const DAY_MS = 86_400_000;

export type FeedOwner = { userId: string; role: "coordinator" | "investigator"; siteId: string; siteName: string };

export type FeedVisit = {
  id: string;
  scheduledAt: Date;
  visitType: VisitType;
  visitStatus: VisitStatus;
  subjectCode: string;
  protocolId: string;
  version: number;
  updatedAt: Date;
};

export type FeedTask = {
  id: string;
  dueAt: Date;
  entity: TaskEntity;
  priority: TaskPriority;
  subjectId: string | null;
  subjectCode: string | null;
  protocolId: string | null;
  version: number;
  updatedAt: Date;
};

/** The live feed's owner, or null: unknown or revoked feed, an account not active, no site or not site staff. */
export async function feedOwner(feedId: string): Promise<FeedOwner | null> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: users.id, role: users.role, siteId: users.siteId, siteName: sites.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(sites, eq(sites.id, users.siteId))
    .where(and(eq(calendarFeeds.id, feedId), isNull(calendarFeeds.revokedAt), eq(users.status, "active")))
    .limit(1);
  if (!row || (row.role !== "coordinator" && row.role !== "investigator")) return null;
  return { userId: row.userId, role: row.role, siteId: row.siteId!, siteName: row.siteName };
}

export async function feedEvents(owner: FeedOwner, now = new Date()): Promise<{ visits: FeedVisit[]; tasks: FeedTask[] }> {
  const db = await getDb();
  const from = new Date(now.getTime() - PAST_DAYS * DAY_MS);
  const to = new Date(now.getTime() + AHEAD_DAYS * DAY_MS);
  const whose: SQL =
    owner.role === "coordinator" ? and(eq(visits.siteId, owner.siteId), eq(visits.coordinatorId, owner.userId))! : eq(visits.siteId, owner.siteId);
  const [visitRows, taskRows] = await Promise.all([
    db
      .select({
        id: visits.id,
        scheduledAt: visits.scheduledAt,
        visitType: visits.visitType,
        visitStatus: visits.visitStatus,
        subjectCode: subjects.subjectId,
        protocolId: studies.protocolId,
        version: visits.version,
        updatedAt: visits.updatedAt,
      })
      .from(visits)
      .innerJoin(subjects, eq(subjects.id, visits.subjectId))
      .innerJoin(studies, eq(studies.id, visits.studyId))
      .where(and(whose, isNull(visits.retiredAt), ne(visits.visitStatus, "canceled"), gte(visits.scheduledAt, from), lte(visits.scheduledAt, to)))
      .orderBy(visits.scheduledAt, visits.id),
    db
      .select({
        id: tasks.id,
        dueAt: tasks.dueAt,
        entity: tasks.entity,
        priority: tasks.priority,
        subjectId: tasks.subjectId,
        subjectCode: subjects.subjectId,
        protocolId: studies.protocolId,
        version: tasks.version,
        updatedAt: tasks.updatedAt,
      })
      .from(tasks)
      .leftJoin(subjects, eq(subjects.id, tasks.subjectId))
      .leftJoin(studies, eq(studies.id, tasks.studyId))
      .where(
        and(
          eq(tasks.siteId, owner.siteId),
          eq(tasks.status, "open"),
          or(eq(tasks.assigneeId, owner.userId), eq(tasks.assigneeRole, owner.role)),
          gte(tasks.dueAt, from),
          lte(tasks.dueAt, to),
        ),
      )
      .orderBy(tasks.dueAt, tasks.id),
  ]);
  return { visits: visitRows, tasks: taskRows };
}
