/**
 * Adverse events as the API returns them: one site-scoped query per page, embeds and the live
 * signature joined in. Sponsors read the same AE fields as the web app shows them (none is free
 * text about the subject); the embedded subject is de-identified in SQL.
 */
import { and, eq, gte, isNull, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db } from "@/db";
import { adverseEvents, eSignatures, studies, subjects, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { scopeWhere } from "../../../policy";
import { hasLiveSignature } from "../../../signatures/live";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { embeddedStudyColumns, embeddedSubjectColumns, embeddedUserColumns } from "../common";
import type { AE_ORDER, AdverseEventListQuery } from "./schema";

const ORDER: Record<(typeof AE_ORDER)[number], OrderField> = {
  onsetDate: { column: adverseEvents.onsetDate, cast: "date" },
  awareAt: { column: adverseEvents.awareAt, cast: "timestamptz" },
  createdAt: { column: adverseEvents.createdAt, cast: "timestamptz" },
  updatedAt: { column: adverseEvents.updatedAt, cast: "timestamptz" },
};

const reporter = alias(users, "ae_reporter");
/** The live signature row (at most one: e_signatures_one_live), for its time and signer. */
const signature = alias(eSignatures, "ae_signature");

function aeColumns() {
  return {
    id: adverseEvents.id,
    version: adverseEvents.version,
    createdAt: adverseEvents.createdAt,
    updatedAt: adverseEvents.updatedAt,
    subjectId: adverseEvents.subjectId,
    studyId: adverseEvents.studyId,
    siteId: adverseEvents.siteId,
    eventTerm: adverseEvents.eventTerm,
    severity: adverseEvents.severity,
    grade: adverseEvents.grade,
    serious: adverseEvents.serious,
    seriousnessCriteria: adverseEvents.seriousnessCriteria,
    onsetDate: adverseEvents.onsetDate,
    endDate: adverseEvents.endDate,
    outcome: adverseEvents.outcome,
    status: adverseEvents.status,
    awareAt: adverseEvents.awareAt,
    sponsorNotifiedAt: adverseEvents.sponsorNotifiedAt,
    reportedById: adverseEvents.reportedById,
    causality: adverseEvents.causality,
    expectedness: adverseEvents.expectedness,
    assessedById: adverseEvents.assessedById,
    assessedAt: adverseEvents.assessedAt,
    signed: hasLiveSignature("adverse_event", adverseEvents.id),
    signedAt: signature.signedAt,
    signedById: signature.signerId,
    signedBy: signature.printedName,
  };
}

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>) {
  const query = db
    .select({
      ...aeColumns(),
      _key: key,
      ...(include.has("subject") ? { subject: embeddedSubjectColumns(actor) } : {}),
      ...(include.has("study") ? { study: embeddedStudyColumns() } : {}),
      ...(include.has("reportedBy") ? { reportedBy: embeddedUserColumns(reporter) } : {}),
    })
    .from(adverseEvents)
    .leftJoin(
      signature,
      and(eq(signature.entity, "adverse_event"), eq(signature.entityId, adverseEvents.id), isNull(signature.voidedAt)),
    )
    .$dynamic();
  if (include.has("subject")) query.innerJoin(subjects, eq(subjects.id, adverseEvents.subjectId));
  if (include.has("study")) query.innerJoin(studies, eq(studies.id, adverseEvents.studyId));
  if (include.has("reportedBy")) query.innerJoin(reporter, eq(reporter.id, adverseEvents.reportedById));
  return query.where(and(isNull(adverseEvents.retiredAt), scopeWhere(actor, adverseEvents), where));
}

const reader = resourceReader({
  read: "ae.read",
  notFound: "Adverse event not found.",
  idColumn: adverseEvents.id,
  order: ORDER,
  select,
  filters: listFilters<AdverseEventListQuery>()({
    studyId: (v) => eq(adverseEvents.studyId, v),
    subjectId: (v) => eq(adverseEvents.subjectId, v),
    serious: (v) => eq(adverseEvents.serious, v),
    status: (v) => eq(adverseEvents.status, v),
    severity: (v) => eq(adverseEvents.severity, v),
    onsetFrom: (v) => gte(adverseEvents.onsetDate, v),
    onsetTo: (v) => lte(adverseEvents.onsetDate, v),
  }),
});

export const listAdverseEventResources = reader.list;
/** The same page as JSON text built by the database, for REST (lib/api/json-select). */
export const listAdverseEventResourcesJson = reader.listJson;
export const getAdverseEventResource = reader.get;
