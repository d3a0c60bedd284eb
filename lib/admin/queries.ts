/**
 * Reads for the admin pages: the studies list and one study's setup (schedule, sponsor access, the
 * people who may be chosen). Admin only; a fixed number of queries whatever the data size.
 */
import "server-only";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db";
import { sites, STUDY_STATUSES, studies, studySponsorAccess, users, visitScheduleItems } from "@/db/schema";
import type { Actor } from "../actor";
import { containsPattern } from "../list/like-pattern";
import { authorize } from "../policy";

export const STUDIES_PAGE_SIZE = 50;

export type StudyListFilters = { siteId?: string; status?: (typeof STUDY_STATUSES)[number]; q?: string };

/** `pageSize` defaults to one screen; the CSV export asks for EXPORT_ROW_LIMIT. */
export async function listAdminStudies(actor: Actor, opts: { page?: number; pageSize?: number; filters?: StudyListFilters } = {}) {
  authorize(actor, "study.manage");
  const db = await getDb();
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const pageSize = opts.pageSize ?? STUDIES_PAGE_SIZE;
  const f = opts.filters ?? {};
  const rows = await adminStudySelect(db, f)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map(({ total: _t, ...r }) => (void _t, r)),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Every study of the filter (capped) as a select for the CSV export's cursor; in an object, unrun. */
export async function adminStudyExportQuery(actor: Actor, filters: StudyListFilters, limit: number) {
  authorize(actor, "study.manage");
  return { query: adminStudySelect(await getDb(), filters).limit(limit) };
}

/** The studies list's rows in its order, before paging. */
function adminStudySelect(db: Db, f: StudyListFilters) {
  const pi = alias(users, "pi");
  const where = and(
    f.siteId ? eq(studies.siteId, f.siteId) : undefined,
    f.status ? eq(studies.status, f.status) : undefined,
    f.q ? or(ilike(studies.protocolId, containsPattern(f.q)), ilike(studies.title, containsPattern(f.q))) : undefined,
  );
  return db
    .select({
      id: studies.id,
      protocolId: studies.protocolId,
      title: studies.title,
      status: studies.status,
      siteName: sites.name,
      piName: pi.displayName,
      scheduleCount: sql<number>`(select count(*) from visit_schedule_items vsi where vsi.study_id = studies.id and vsi.retired_at is null)`.mapWith(Number),
      sponsorCount: sql<number>`(select count(*) from study_sponsor_access ssa where ssa.study_id = studies.id and ssa.revoked_at is null)`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(studies)
    .innerJoin(sites, eq(sites.id, studies.siteId))
    .innerJoin(pi, eq(pi.id, studies.principalInvestigatorId))
    .where(where)
    .orderBy(asc(sites.name), asc(studies.protocolId), asc(studies.id));
}
export type AdminStudyRow = Awaited<ReturnType<typeof listAdminStudies>>["rows"][number];

export type PersonOption = { id: string; displayName: string; username: string; siteId: string | null };

/** Who may be chosen on the study form: every site, and each site's active investigators (PI choices). */
export async function studyFormChoices(actor: Actor) {
  authorize(actor, "study.manage");
  const db = await getDb();
  const [siteRows, investigators] = await Promise.all([
    db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.name)),
    db
      .select({ id: users.id, displayName: users.displayName, username: users.username, siteId: users.siteId })
      .from(users)
      .where(and(eq(users.role, "investigator"), eq(users.status, "active")))
      .orderBy(asc(users.displayName)),
  ]);
  return { sites: siteRows, investigators: investigators as PersonOption[] };
}

/** One study's setup page: the study, its schedule (retired last), its sponsor grants and the sponsors to grant to. */
export async function getStudySetup(actor: Actor, id: string) {
  authorize(actor, "study.manage");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const grantedBy = alias(users, "granted_by");
  const [[study], schedule, access, sponsors] = await Promise.all([
    db
      .select({ study: studies, siteName: sites.name })
      .from(studies)
      .innerJoin(sites, eq(sites.id, studies.siteId))
      .where(eq(studies.id, id)),
    db
      .select()
      .from(visitScheduleItems)
      .where(eq(visitScheduleItems.studyId, id))
      .orderBy(sql`${visitScheduleItems.retiredAt} is not null`, asc(visitScheduleItems.sortOrder), asc(visitScheduleItems.code)),
    db
      .select({
        userId: studySponsorAccess.userId,
        displayName: users.displayName,
        username: users.username,
        grantedAt: studySponsorAccess.grantedAt,
        grantedBy: grantedBy.displayName,
        revokedAt: studySponsorAccess.revokedAt,
      })
      .from(studySponsorAccess)
      .innerJoin(users, eq(users.id, studySponsorAccess.userId))
      .leftJoin(grantedBy, eq(grantedBy.id, studySponsorAccess.grantedById))
      .where(eq(studySponsorAccess.studyId, id))
      .orderBy(sql`${studySponsorAccess.revokedAt} is not null`, desc(studySponsorAccess.grantedAt)),
    db
      .select({ id: users.id, displayName: users.displayName, username: users.username, siteId: users.siteId })
      .from(users)
      .where(and(eq(users.role, "sponsor"), eq(users.status, "active")))
      .orderBy(asc(users.displayName)),
  ]);
  if (!study) return null;
  return { ...study, schedule, access, sponsors: sponsors as PersonOption[] };
}
export type StudySetup = NonNullable<Awaited<ReturnType<typeof getStudySetup>>>;
