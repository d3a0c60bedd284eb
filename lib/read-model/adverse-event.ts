/**
 * Adverse events: the event term and the safety fields are what a sponsor monitors, so none is
 * withheld; the subject an AE embeds is de-identified by the subject's own model.
 */
import "server-only";
import { and, eq, getTableColumns, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { adverseEvents, eSignatures } from "@/db/schema";
import { joinTo, subjectRecordJoins } from "./joins";
import { includes, readModel } from "./model";
import { subjectAndStudyIncludes } from "./subject";
import { assessor, personInclude, reporter } from "./user";

export const adverseEventModel = readModel({
  audit: "adverse_event", read: "ae.read",
  columns: getTableColumns(adverseEvents),
  identifying: { retireReason: "withhold" },
});

/** The live signature row (at most one: e_signatures_one_live), for its time and signer. */
export const aeSignature = alias(eSignatures, "ae_signature");

export const adverseEventJoins = {
  ...subjectRecordJoins(adverseEvents),
  reporter: joinTo(reporter, adverseEvents.reportedById),
  assessor: joinTo(assessor, adverseEvents.assessedById),
  signature: [aeSignature, and(eq(aeSignature.entity, "adverse_event"), eq(aeSignature.entityId, adverseEvents.id), isNull(aeSignature.voidedAt))!] as const,
};

export const adverseEventIncludes = includes({
  ...subjectAndStudyIncludes(adverseEventJoins),
  reportedBy: personInclude(adverseEventJoins.reporter),
});
