/**
 * Site-scoped reads of subjects: a foreign site's subject is simply not found. Sponsors get the rows
 * de-identified by the query itself (../deidentify-sql): no name, year of birth only, no free text.
 */
import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { reusableQuery } from "@/db/reusable";
import { sites, studies, subjects, users } from "@/db/schema";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { birthDate, identifying } from "../deidentify-sql";
import { containsPattern } from "../list/like-pattern";
import { pageOf, type Page } from "../list/params";
import { authorize, canSeeIdentifiers, scopeKey, scopeStudies, scopeWhere } from "../policy";
import type { SubjectFilters, SubjectListState, SubjectSortKey } from "./list-params";
import { STUDY_STATUSES_OPEN } from "./rules";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One subject with its study, coordinator and site — rendered once per viewer's scope (db/reusable). */
function subjectSelect(db: DbOrTx, actor: Actor) {
  return db
    .select({
      id: subjects.id,
      siteId: subjects.siteId,
      subjectId: subjects.subjectId,
      fullName: identifying(actor, subjects.fullName),
      screeningStatus: subjects.screeningStatus,
      status: subjects.status,
      studyId: subjects.studyId,
      protocolId: studies.protocolId,
      studyTitle: studies.title,
      studyStatus: studies.status,
      siteTimezone: sites.timezone,
      coordinatorId: subjects.coordinatorId,
      coordinatorName: users.displayName,
      dob: birthDate(actor, subjects.dob),
      sexAtBirth: subjects.sexAtBirth,
      consentSignedAt: subjects.consentSignedAt,
      enrolledAt: subjects.enrolledAt,
      withdrawnAt: subjects.withdrawnAt,
      withdrawalReason: identifying(actor, subjects.withdrawalReason),
      version: subjects.version,
      createdAt: subjects.createdAt,
      updatedAt: subjects.updatedAt,
    })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .innerJoin(users, eq(users.id, subjects.coordinatorId))
    .innerJoin(sites, eq(sites.id, subjects.siteId))
    .where(and(eq(subjects.id, sql.placeholder("id")), isNull(subjects.retiredAt), scopeWhere(actor, subjects)))
    .limit(1);
}
const subjectQuery = reusableQuery<Awaited<ReturnType<typeof subjectSelect>>>("get_subject");

export async function getSubject(actor: Actor, id: string) {
  authorize(actor, "subject.read");
  if (!UUID.test(id)) throw new NotFoundError();
  const [row] = await subjectQuery(await getDb(), scopeKey(actor), (db) => subjectSelect(db, actor), { id });
  if (!row) throw new NotFoundError();
  authorize(actor, "subject.read", { siteId: row.siteId, studyId: row.studyId });
  // Sponsors got it de-identified from the query: no name, year of birth only, no withdrawal reason.
  return row;
}

/** The most recently changed subjects the actor may see (a preview until the registry lands). */
export async function listRecentSubjects(actor: Actor, limit = 10) {
  authorize(actor, "subject.read");
  const db = await getDb();
  const rows = await db
    .select({
      id: subjects.id,
      subjectId: subjects.subjectId,
      fullName: identifying(actor, subjects.fullName),
      protocolId: studies.protocolId,
      screeningStatus: subjects.screeningStatus,
      status: subjects.status,
    })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .where(and(isNull(subjects.retiredAt), scopeWhere(actor, subjects)))
    .orderBy(desc(subjects.updatedAt), desc(subjects.id))
    .limit(Math.min(Math.max(1, limit), 50));
  return rows;
}

export type SubjectRow = {
  id: string;
  subjectId: string;
  /** Null for sponsors (de-identified). */
  fullName: string | null;
  studyId: string;
  protocolId: string;
  screeningStatus: (typeof subjects.$inferSelect)["screeningStatus"];
  status: (typeof subjects.$inferSelect)["status"];
  coordinatorId: string;
  coordinatorName: string;
  /** Full date, or the year only for sponsors. */
  dob: string | null;
  sexAtBirth: (typeof subjects.$inferSelect)["sexAtBirth"];
  consentSignedAt: Date | null;
  enrolledAt: Date | null;
  createdAt: Date;
};

function listWhere(actor: Actor, f: SubjectFilters): SQL | undefined {
  const q = f.q ? containsPattern(f.q) : undefined;
  return and(
    isNull(subjects.retiredAt),
    scopeWhere(actor, subjects),
    f.studyId ? eq(subjects.studyId, f.studyId) : undefined,
    f.screeningStatus ? eq(subjects.screeningStatus, f.screeningStatus) : undefined,
    f.status ? eq(subjects.status, f.status) : undefined,
    f.coordinatorId ? eq(subjects.coordinatorId, f.coordinatorId) : undefined,
    // Sponsors search by subject ID only: matching on names they cannot see would reveal them.
    q ? (canSeeIdentifiers(actor) ? or(ilike(subjects.subjectId, q), ilike(subjects.fullName, q)) : ilike(subjects.subjectId, q)) : undefined,
  );
}

function listOrder(actor: Actor, sort: SubjectListState["sort"]): SQL[] {
  // Sorting by a hidden name would leak its order: sponsors get subject ID order instead.
  const key: SubjectSortKey = sort.key === "fullName" && !canSeeIdentifiers(actor) ? "subjectId" : sort.key;
  const column = {
    subjectId: subjects.subjectId,
    fullName: sql`lower(${subjects.fullName})`,
    study: studies.protocolId,
    screeningStatus: subjects.screeningStatus,
    status: subjects.status,
    coordinator: users.displayName,
    consentSignedAt: subjects.consentSignedAt,
    createdAt: subjects.createdAt,
  }[key];
  const dir = sort.dir === "desc" ? desc : asc;
  // A unique tie-breaker keeps pages stable when many rows share a value.
  return [sort.dir === "desc" ? sql`${column} desc nulls last` : sql`${column} asc nulls last`, dir(subjects.id)];
}

function selectRows(db: Awaited<ReturnType<typeof getDb>>, actor: Actor, state: Pick<SubjectListState, "filters" | "sort">) {
  return db
    .select({
      id: subjects.id,
      subjectId: subjects.subjectId,
      fullName: identifying(actor, subjects.fullName),
      studyId: subjects.studyId,
      protocolId: studies.protocolId,
      screeningStatus: subjects.screeningStatus,
      status: subjects.status,
      coordinatorId: subjects.coordinatorId,
      coordinatorName: users.displayName,
      dob: birthDate(actor, subjects.dob),
      sexAtBirth: subjects.sexAtBirth,
      consentSignedAt: subjects.consentSignedAt,
      enrolledAt: subjects.enrolledAt,
      createdAt: subjects.createdAt,
    })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .innerJoin(users, eq(users.id, subjects.coordinatorId))
    .where(listWhere(actor, state.filters))
    .orderBy(...listOrder(actor, state.sort));
}

/** The registry: one page of rows and the total, in two queries whatever the site's size. */
export async function listSubjects(actor: Actor, state: SubjectListState): Promise<Page<SubjectRow>> {
  authorize(actor, "subject.read");
  const db = await getDb();
  const [rows, [count]] = await Promise.all([
    selectRows(db, actor, state).limit(state.pageSize).offset((state.page - 1) * state.pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(subjects)
      .where(listWhere(actor, state.filters)),
  ]);
  return pageOf(rows, count?.n ?? 0, state.page, state.pageSize);
}

/** Every row of the current filter, for the CSV export (capped by the caller). */
export async function exportSubjects(actor: Actor, state: Pick<SubjectListState, "filters" | "sort">, limit: number): Promise<SubjectRow[]> {
  authorize(actor, "export");
  authorize(actor, "subject.read");
  const db = await getDb();
  return selectRows(db, actor, state).limit(limit);
}

export type Option = { value: string; label: string };

/** The actor's studies that still take subjects in, for the new-subject form's "Study" select. */
export async function openStudyOptions(actor: Actor): Promise<Option[]> {
  authorize(actor, "study.read");
  const db = await getDb();
  const rows = await db
    .select({ id: studies.id, protocolId: studies.protocolId, title: studies.title })
    .from(studies)
    .where(and(scopeStudies(actor), inArray(studies.status, [...STUDY_STATUSES_OPEN])))
    .orderBy(asc(studies.protocolId));
  return rows.map((s) => ({ value: s.id, label: `${s.protocolId} — ${s.title}` }));
}

/**
 * Coordinators and investigators at the sites of the studies the actor may see. `activeOnly` for
 * choosing a subject's coordinator; the registry filter lists former staff too (history).
 */
export async function coordinatorOptions(actor: Actor, opts: { activeOnly?: boolean } = {}): Promise<Option[]> {
  authorize(actor, "subject.read");
  const db = await getDb();
  const rows = await db
    .selectDistinct({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.role, ["coordinator", "investigator"]),
        opts.activeOnly ? eq(users.status, "active") : undefined,
        inArray(users.siteId, db.select({ siteId: studies.siteId }).from(studies).where(scopeStudies(actor))),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((u) => ({ value: u.id, label: u.role === "investigator" ? `${u.displayName} (investigator)` : u.displayName }));
}
