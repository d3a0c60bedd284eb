/**
 * The investigator's safety queue: AEs of the actor's site not yet assessed, or assessed but not
 * (or no longer) signed — a voided signature puts an AE back here. Serious first, then by when
 * the site learnt of it (oldest first: its 24-hour clock runs out first). Two queries whatever
 * the data size (page + count); the latest voided signature comes from a lateral join, not a
 * query per row.
 */
import "server-only";
import { and, asc, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { adverseEvents, eSignatures, screenings, studies, subjects, users } from "@/db/schema";
import type { Actor } from "../actor";
import { aeRowSelect } from "../adverse-events/row-select";
import { optional, pageOf, type ListState } from "../list/params";
import { authorize } from "../policy";
import { adverseEventJoins, adverseEventModel } from "../read-model/adverse-event";
import { screeningJoins, screeningModel } from "../read-model/screening";
import { subjectModel } from "../read-model/subject";
import { assessor, completedBy } from "../read-model/user";
import { visibleTo } from "../read-model/visible";
import { hasLiveSignature } from "../signatures/live";
import { expeditedCandidate } from "./expedited";

export const SAFETY_SORTABLE = ["awareAt", "onsetDate", "eventTerm", "subject"] as const;
export type SafetySortKey = (typeof SAFETY_SORTABLE)[number];

export const safetyQueueSpec = {
  filters: {
    studyId: optional(z.uuid()),
    serious: optional(z.enum(["true", "false"])),
  },
  sortable: SAFETY_SORTABLE,
  defaultSort: { key: "awareAt" as SafetySortKey, dir: "asc" as const },
};
export type SafetyQueueFilters = z.output<z.ZodObject<typeof safetyQueueSpec.filters>>;
export type SafetyQueueState = ListState<SafetyQueueFilters, SafetySortKey>;

const SORT_COLUMNS: Record<SafetySortKey, SQL | AnyPgColumn> = {
  awareAt: adverseEvents.awareAt,
  onsetDate: adverseEvents.onsetDate,
  eventTerm: sql`lower(${adverseEvents.eventTerm})`,
  subject: subjects.subjectId,
};

const voider = alias(users, "safety_voider");

/** The most recent voided signature of each AE (one lateral subquery, joined per page). */
const lastVoid = sql`lateral (
    select ${eSignatures.printedName} as printed_name, ${eSignatures.signedAt} as signed_at,
           ${eSignatures.voidedAt} as voided_at, ${eSignatures.voidedById} as voided_by_id, ${eSignatures.voidReason} as void_reason
    from ${eSignatures}
    where ${eSignatures.entity} = 'adverse_event' and ${eSignatures.entityId} = ${adverseEvents.id} and ${eSignatures.voidedAt} is not null
    order by ${eSignatures.voidedAt} desc
    limit 1
  ) as last_void`;

function queueWhere(actor: Actor, f: SafetyQueueFilters): SQL | undefined {
  return and(
    visibleTo(actor, adverseEvents),
    or(isNull(adverseEvents.assessedAt), sql`not ${hasLiveSignature("adverse_event", adverseEvents.id)}`),
    f.studyId ? eq(adverseEvents.studyId, f.studyId) : undefined,
    f.serious ? eq(adverseEvents.serious, f.serious === "true") : undefined,
  );
}

/** One page of the queue for the URL's filters: two queries. */
/** The queue's rows in its order, before paging (the page takes a slice, the export a cursor). */
function safetyQueueSelect(db: Db, actor: Actor, state: Pick<SafetyQueueState, "filters" | "sort">) {
  const column = SORT_COLUMNS[state.sort.key];
  const order = state.sort.dir === "asc" ? asc(column) : desc(column);
  return db
    .select({
      ...aeRowSelect(actor),
      ...adverseEventModel.pick(actor, ["causality", "expectedness", "assessedAt"]),
      assessedByName: assessor.displayName,
      voidedAt: sql<Date | null>`last_void.voided_at`.mapWith(adverseEvents.assessedAt),
      voidReason: sql<string | null>`last_void.void_reason`,
      voidedByName: voider.displayName,
      voidedSignerName: sql<string | null>`last_void.printed_name`,
    })
    .from(adverseEvents)
    .innerJoin(...adverseEventJoins.subject)
    .innerJoin(...adverseEventJoins.study)
    .innerJoin(...adverseEventJoins.site)
    .leftJoin(...adverseEventJoins.assessor)
    .leftJoin(lastVoid, sql`true`)
    .leftJoin(voider, sql`${voider.id} = last_void.voided_by_id`)
    .where(queueWhere(actor, state.filters))
    .orderBy(desc(adverseEvents.serious), order, asc(adverseEvents.id));
}

/** Each row with whether it is an expedited-report candidate (decided in lib/safety). */
function withExpedited<R extends Parameters<typeof expeditedCandidate>[0]>(rows: R[]) {
  return rows.map((row) => ({ ...row, expedited: expeditedCandidate(row) }));
}

/** The whole filtered queue (capped) as a select for the CSV export's cursor; in an object, unrun. */
export async function safetyQueueExportQuery(actor: Actor, state: Pick<SafetyQueueState, "filters" | "sort">, limit: number) {
  authorize(actor, "ae.assess");
  const query = safetyQueueSelect(await getDb(), actor, state).limit(limit);
  return { query, present: (rows: Awaited<typeof query>) => withExpedited(rows) };
}

export async function listSafetyQueue(actor: Actor, state: SafetyQueueState) {
  authorize(actor, "ae.assess");
  const db = await getDb();
  const where = queueWhere(actor, state.filters);
  const [rows, [count]] = await Promise.all([
    safetyQueueSelect(db, actor, state)
      .limit(state.pageSize)
      .offset((state.page - 1) * state.pageSize),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(adverseEvents).where(where),
  ]);
  return pageOf(withExpedited(rows), count?.n ?? 0, state.page, state.pageSize);
}
export type SafetyQueueRow = Awaited<ReturnType<typeof listSafetyQueue>>["rows"][number];

export const eligibilitySpec = {
  filters: { studyId: optional(z.uuid()) },
  sortable: ["screeningDate"] as const,
  defaultSort: { key: "screeningDate" as const, dir: "asc" as const },
};
export type EligibilityState = ListState<z.output<z.ZodObject<typeof eligibilitySpec.filters>>, "screeningDate">;

/** Passed screenings of the site whose eligibility no investigator has confirmed (or whose confirmation was voided). Two queries. */
function eligibilityWhere(actor: Actor, state: Pick<EligibilityState, "filters">) {
  return and(
    visibleTo(actor, screenings),
    eq(screenings.screeningStatus, "passed"),
    sql`not ${hasLiveSignature("screening", screenings.id)}`,
    state.filters.studyId ? eq(screenings.studyId, state.filters.studyId) : undefined,
  );
}

/** The sign-off list's rows in its order, before paging. */
function eligibilitySelect(db: Db, actor: Actor, state: Pick<EligibilityState, "filters" | "sort">) {
  return db
    .select({
      ...screeningModel.pick(actor, ["id", "version", "subjectId"]),
      subjectCode: subjects.subjectId,
      subjectName: subjectModel.fields(actor).fullName,
      protocolId: studies.protocolId,
      screeningDate: screenings.screeningDate,
      completedByName: completedBy.displayName,
      notes: screeningModel.fields(actor).notes,
    })
    .from(screenings)
    .innerJoin(...screeningJoins.subject)
    .innerJoin(...screeningJoins.study)
    .innerJoin(...screeningJoins.completedBy)
    .where(eligibilityWhere(actor, state))
    .orderBy(state.sort.dir === "asc" ? asc(screenings.screeningDate) : desc(screenings.screeningDate), asc(screenings.id));
}

/** Every screening awaiting sign-off (capped) as a select for the CSV export's cursor; in an object, unrun. */
export async function eligibilityExportQuery(actor: Actor, state: Pick<EligibilityState, "filters" | "sort">, limit: number) {
  authorize(actor, "screening.signEligibility");
  return { query: eligibilitySelect(await getDb(), actor, state).limit(limit) };
}

export async function listEligibilityToConfirm(actor: Actor, state: EligibilityState) {
  authorize(actor, "screening.signEligibility");
  const db = await getDb();
  const [rows, [count]] = await Promise.all([
    eligibilitySelect(db, actor, state)
      .limit(state.pageSize)
      .offset((state.page - 1) * state.pageSize),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(screenings).where(eligibilityWhere(actor, state)),
  ]);
  return pageOf(rows, count?.n ?? 0, state.page, state.pageSize);
}
export type EligibilityRow = Awaited<ReturnType<typeof listEligibilityToConfirm>>["rows"][number];
