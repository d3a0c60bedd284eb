/**
 * Site-scoped reads of adverse events. A foreign site's AE is simply not found; sponsors get the
 * subject's study code but never the name. Each read is a fixed number of queries whatever the
 * data size: the list is two (page + count), one AE with its history is two.
 */
import "server-only";
import { and, asc, desc, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { AE_STATUSES, SEVERITIES, adverseEvents, studies, subjects } from "@/db/schema";
import type { Actor } from "../actor";
import { isIsoDate } from "../dates";
import { NotFoundError } from "../errors";
import { containsPattern } from "../list/like-pattern";
import { optional, pageOf, showRetired, type ListState } from "../list/params";
import { presentHistory, selectHistory, type HistoryEntry } from "../audit/history";
import { authorize } from "../policy";
import { adverseEventJoins, adverseEventModel, aeSignature } from "../read-model/adverse-event";
import { subjectModel } from "../read-model/subject";
import { assessor, reporter, signer } from "../read-model/user";
import { RETIRE_FACTS, visibleTo } from "../read-model/visible";
import { aeRowSelect } from "./row-select";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = z.string().refine(isIsoDate);

export const AE_SORTABLE = ["onsetDate", "awareAt", "severity", "eventTerm", "subject"] as const;
export type AeSortKey = (typeof AE_SORTABLE)[number];

/** The list's URL state (shared by the page and its CSV export). */
export const aeListSpec = {
  filters: {
    studyId: optional(z.uuid()),
    serious: optional(z.enum(["true", "false"])),
    status: optional(z.enum(AE_STATUSES)),
    severity: optional(z.enum(SEVERITIES)),
    onsetFrom: optional(isoDate),
    onsetTo: optional(isoDate),
    q: optional(z.string().trim().max(100)),
    retired: showRetired,
  },
  sortable: AE_SORTABLE,
  defaultSort: { key: "onsetDate" as AeSortKey, dir: "desc" as const },
};
export type AeListFilters = z.output<z.ZodObject<typeof aeListSpec.filters>>;
export type AeListState = ListState<AeListFilters, AeSortKey>;

/** Columns every AE read shares: the list row plus who reported it and when it was written. */
const aeColumns = (actor: Actor) => ({
  ...aeRowSelect(actor),
  reportedById: adverseEvents.reportedById,
  reportedByName: reporter.displayName,
  createdAt: adverseEvents.createdAt,
  updatedAt: adverseEvents.updatedAt,
  // Null unless the list shows retired AEs ("Show retired").
  ...adverseEventModel.pick(actor, RETIRE_FACTS),
});

const SORT_COLUMNS: Record<AeSortKey, SQL | AnyPgColumn> = {
  onsetDate: adverseEvents.onsetDate,
  awareAt: adverseEvents.awareAt,
  // The enum's declared order is mild < moderate < severe.
  severity: adverseEvents.severity,
  eventTerm: sql`lower(${adverseEvents.eventTerm})`,
  subject: subjects.subjectId,
};

function listWhere(actor: Actor, f: AeListFilters): SQL | undefined {
  return and(
    visibleTo(actor, adverseEvents, { retired: f.retired }),
    f.studyId ? eq(adverseEvents.studyId, f.studyId) : undefined,
    f.serious ? eq(adverseEvents.serious, f.serious === "true") : undefined,
    f.status ? eq(adverseEvents.status, f.status) : undefined,
    f.severity ? eq(adverseEvents.severity, f.severity) : undefined,
    f.onsetFrom ? gte(adverseEvents.onsetDate, f.onsetFrom) : undefined,
    f.onsetTo ? lte(adverseEvents.onsetDate, f.onsetTo) : undefined,
    f.q ? or(ilike(subjects.subjectId, containsPattern(f.q)), ilike(adverseEvents.eventTerm, containsPattern(f.q))) : undefined,
  );
}

export type AeListRow = Awaited<ReturnType<typeof listAdverseEvents>>["rows"][number];

/** One page of the AE list for the URL's filters and sort: two queries (rows, count). */
/** The list's rows in its order, before paging (the page takes a slice, the export a cursor). */
function aeListSelect(db: Db, actor: Actor, state: Pick<AeListState, "filters" | "sort">) {
  const column = SORT_COLUMNS[state.sort.key];
  const order = state.sort.dir === "asc" ? asc(column) : desc(column);
  return db
    .select(aeColumns(actor))
    .from(adverseEvents)
    .innerJoin(...adverseEventJoins.subject)
    .innerJoin(...adverseEventJoins.study)
    .innerJoin(...adverseEventJoins.site)
    .innerJoin(...adverseEventJoins.reporter)
    .where(listWhere(actor, state.filters))
    .orderBy(order, desc(adverseEvents.awareAt), asc(adverseEvents.id));
}

/** Every row of the filter (capped), as a select for the CSV export's cursor; in an object, unrun. */
export async function aeExportQuery(actor: Actor, state: Pick<AeListState, "filters" | "sort">, limit: number) {
  authorize(actor, "ae.read");
  return { query: aeListSelect(await getDb(), actor, state).limit(limit) };
}

export async function listAdverseEvents(actor: Actor, state: AeListState) {
  authorize(actor, "ae.read");
  const db = await getDb();
  const where = listWhere(actor, state.filters);
  const [rows, [count]] = await Promise.all([
    aeListSelect(db, actor, state)
      .limit(state.pageSize)
      .offset((state.page - 1) * state.pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(adverseEvents)
      .innerJoin(...adverseEventJoins.subject)
      .where(where),
  ]);
  return pageOf(rows, count?.n ?? 0, state.page, state.pageSize);
}

export type AeHistoryEntry = HistoryEntry;


/** One AE with everything its page shows, including its change history: two queries. */
export async function getAdverseEvent(actor: Actor, id: string) {
  authorize(actor, "ae.read");
  if (!UUID.test(id)) throw new NotFoundError();
  const db = await getDb();
  const [[row], history] = await Promise.all([
    db
      .select({
        ...aeColumns(actor),
        ...subjectModel.pick(actor, ["consentSignedAt"]),
        ...adverseEventModel.pick(actor, ["causality", "expectedness", "assessedAt"]),
        assessedByName: assessor.displayName,
        signed: sql<boolean>`${aeSignature.id} is not null`,
        signedAt: aeSignature.signedAt,
        signedByName: signer.displayName,
      })
      .from(adverseEvents)
      .innerJoin(...adverseEventJoins.subject)
      .innerJoin(...adverseEventJoins.study)
      .innerJoin(...adverseEventJoins.site)
      .innerJoin(...adverseEventJoins.reporter)
      .leftJoin(...adverseEventJoins.assessor)
      .leftJoin(...adverseEventJoins.signature)
      .leftJoin(signer, eq(signer.id, aeSignature.signerId))
      .where(and(eq(adverseEvents.id, id), visibleTo(actor, adverseEvents)))
      .limit(1),
    // Fetched alongside and dropped below when the AE is not visible, so a foreign id costs the
    // same two queries and reveals nothing.
    selectHistory(db, ["adverse_event"], [id], { order: "desc", limit: 500, viewer: actor }),
  ]);
  if (!row) throw new NotFoundError();
  authorize(actor, "ae.read", { siteId: row.siteId, studyId: row.studyId });
  return { ...row, history: presentHistory(actor, history) };
}
export type AeDetail = Awaited<ReturnType<typeof getAdverseEvent>>;

/** A subject the report form may offer (or preselect), with its consent date for the hint. */
export type ReportableSubject = { id: string; label: string; consentSignedAt: Date | null };

/** How many subjects the report form lists; a busy site searches the registry and comes from the timeline. */
export const REPORTABLE_SUBJECTS_LIMIT = 1000;

/**
 * Subjects the actor may report an AE for: consented, not retired, still taking part (screening or
 * enrolled) — plus the one asked for in the URL, whatever its status (e.g. an AE after completion).
 * Two queries at most. Throws NotFoundError when the asked-for subject is not visible.
 */
export async function listReportableSubjects(actor: Actor, preselectId?: string): Promise<ReportableSubject[]> {
  authorize(actor, "ae.report");
  const db = await getDb();
  const select = {
    id: subjects.id,
    subjectCode: subjects.subjectId,
    fullName: subjects.fullName,
    protocolId: studies.protocolId,
    consentSignedAt: subjects.consentSignedAt,
  };
  const visible = visibleTo(actor, subjects);
  const [rows, preselected] = await Promise.all([
    db
      .select(select)
      .from(subjects)
      .innerJoin(studies, eq(studies.id, subjects.studyId))
      .where(and(visible, sql`${subjects.consentSignedAt} is not null`, sql`${subjects.status} in ('screening','enrolled')`))
      .orderBy(asc(studies.protocolId), asc(subjects.subjectId))
      .limit(REPORTABLE_SUBJECTS_LIMIT),
    preselectId
      ? UUID.test(preselectId)
        ? db.select(select).from(subjects).innerJoin(studies, eq(studies.id, subjects.studyId)).where(and(visible, eq(subjects.id, preselectId))).limit(1)
        : Promise.resolve([])
      : Promise.resolve(null),
  ]);
  if (preselected && preselected.length === 0) throw new NotFoundError("Subject not found");
  const all = preselected?.[0] && !rows.some((r) => r.id === preselected[0]!.id) ? [preselected[0], ...rows] : rows;
  return all.map((s) => ({
    id: s.id,
    label: `${s.subjectCode} · ${s.fullName} (${s.protocolId})`,
    consentSignedAt: s.consentSignedAt,
  }));
}
