/**
 * Adverse events: the event term and the safety fields are what a sponsor monitors, so none is
 * withheld; the subject an AE embeds is de-identified by the subject's own model.
 */
import "server-only";
import { and, eq, getTableColumns, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { adverseEvents, eSignatures, sites, studies, subjects } from "@/db/schema";
import { includes, readModel } from "./model";
import { studyEmbed } from "./study";
import { subjectEmbed } from "./subject";
import { assessor, reporter, userEmbed } from "./user";

export const adverseEventModel = readModel({
  audit: "adverse_event", read: "ae.read",
  columns: getTableColumns(adverseEvents),
  identifying: { retireReason: "withhold" },
});

/** The live signature row (at most one: e_signatures_one_live), for its time and signer. */
export const aeSignature = alias(eSignatures, "ae_signature");

export const adverseEventJoins = {
  subject: [subjects, eq(subjects.id, adverseEvents.subjectId)],
  study: [studies, eq(studies.id, adverseEvents.studyId)],
  site: [sites, eq(sites.id, adverseEvents.siteId)],
  reporter: [reporter, eq(reporter.id, adverseEvents.reportedById)],
  assessor: [assessor, eq(assessor.id, adverseEvents.assessedById)],
  signature: [aeSignature, and(eq(aeSignature.entity, "adverse_event"), eq(aeSignature.entityId, adverseEvents.id), isNull(aeSignature.voidedAt))!],
} as const;

export const adverseEventIncludes = includes({
  subject: { join: adverseEventJoins.subject, fields: subjectEmbed },
  study: { join: adverseEventJoins.study, fields: studyEmbed },
  reportedBy: { join: adverseEventJoins.reporter, fields: () => userEmbed(reporter) },
});
