/**
 * Site-scoped reads of subjects: a foreign site's subject is simply not found. Sponsors get the rows
 * de-identified by the query itself (../deidentify-sql): no name, year of birth only, no free text.
 */
import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { getDb, type DbOrTx } from "@/db";
import { reusableQuery } from "@/db/reusable";
import { sites, studies, subjects, users } from "@/db/schema";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { containsPattern } from "../list/like-pattern";
import { pageOf, type Page } from "../list/params";
import { authorize, canSeeIdentifiers, scopeKey, scopeStudies } from "../policy";
import { subjectJoins, subjectModel } from "../read-model/subject";
import { coordinator } from "../read-model/user";
import { RETIRE_FACTS, visibleTo } from "../read-model/visible";
import type { SubjectFilters, SubjectListState, SubjectSortKey } from "./list-params";
import { isUuid } from "../validation/fields";
import { STUDY_STATUSES_OPEN } from "./rules";



/** What the subject's page shows of it (and the timeline, web and REST, which read it through getSubject). */
const SUBJECT_PAGE = [
  "id", "siteId", "subjectId", "fullName", "screeningStatus", "status", "studyId", "coordinatorId", "dob", "sexAtBirth",
  "consentSignedAt", "enrolledAt", "withdrawnAt", "withdrawalReason", "exitDate", "exitReason", "version", "createdAt", "updatedAt",
] as const;

/** One subject with its study, coordinator and site — rendered once per viewer's scope (db/reusable). */
function subjectSelect(db: DbOrTx, actor: Actor) {
  return db
    .select({
      ...subjectModel.pick(actor, SUBJECT_PAGE),
      protocolId: studies.protocolId,
      studyTitle: studies.title,
      studyStatus: studies.status,
      siteTimezone: sites.timezone,
      coordinatorName: coordinator.displayName,
    })
    .from(subjects)
    .innerJoin(...subjectJoins.study)
    .innerJoin(...subjectJoins.coordinator)
    .innerJoin(...subjectJoins.site)
    .where(and(eq(subjects.id, sql.placeholder("id")), visibleTo(actor, subjects)))
    .limit(1);
}
const subjectQuery = reusableQuery<Awaited<ReturnType<typeof subjectSelect>>>("get_subject");

export async function getSubject(actor: Actor, id: string) {
  authorize(actor, "subject.read");
  if (!isUuid(id)) throw new NotFoundError();
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
  return db
    .select({ ...subjectModel.pick(actor, ["id", "subjectId", "fullName"]), protocolId: studies.protocolId, ...subjectModel.pick(actor, ["screeningStatus", "status"]) })
    .from(subjects)
    .innerJoin(...subjectJoins.study)
    .where(visibleTo(actor, subjects))
    .orderBy(desc(subjects.updatedAt), desc(subjects.id))
    .limit(Math.min(Math.max(1, limit), 50));
}

/** A registry row (and a CSV export row): de-identified for sponsors by the read model. */
function rowFields(actor: Actor) {
  return {
    ...subjectModel.pick(actor, ["id", "subjectId", "fullName", "studyId"]),
    protocolId: studies.protocolId,
    ...subjectModel.pick(actor, ["screeningStatus", "status", "coordinatorId"]),
    coordinatorName: coordinator.displayName,
    ...subjectModel.pick(actor, ["dob", "sexAtBirth", "consentSignedAt", "enrolledAt", "createdAt"]),
    // Null unless the registry shows retired subjects ("Show retired").
    ...subjectModel.pick(actor, RETIRE_FACTS),
  };
}
export type SubjectRow = SelectResultFields<ReturnType<typeof rowFields>>;

function listWhere(actor: Actor, f: SubjectFilters): SQL | undefined {
  const q = f.q ? containsPattern(f.q) : undefined;
  return and(
    visibleTo(actor, subjects, { retired: f.retired }),
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
    coordinator: coordinator.displayName,
    consentSignedAt: subjects.consentSignedAt,
    createdAt: subjects.createdAt,
  }[key];
  const dir = sort.dir === "desc" ? desc : asc;
  // A unique tie-breaker keeps pages stable when many rows share a value.
  return [sort.dir === "desc" ? sql`${column} desc nulls last` : sql`${column} asc nulls last`, dir(subjects.id)];
}

function selectRows(db: Awaited<ReturnType<typeof getDb>>, actor: Actor, state: Pick<SubjectListState, "filters" | "sort">) {
  return db
    .select(rowFields(actor))
    .from(subjects)
    .innerJoin(...subjectJoins.study)
    .innerJoin(...subjectJoins.coordinator)
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

/**
 * The select of every row of the current filter, for the CSV export (capped by the caller), which
 * streams it through a cursor (lib/export). Wrapped in an object because an async function
 * returning a query would run it.
 */
export async function subjectExportQuery(actor: Actor, state: Pick<SubjectListState, "filters" | "sort">, limit: number) {
  authorize(actor, "export");
  authorize(actor, "subject.read");
  const db = await getDb();
  return { query: selectRows(db, actor, state).limit(limit) };
}

/** Every row of the current filter, as the export selects them. */
export async function exportSubjects(actor: Actor, state: Pick<SubjectListState, "filters" | "sort">, limit: number): Promise<SubjectRow[]> {
  return (await subjectExportQuery(actor, state, limit)).query;
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
