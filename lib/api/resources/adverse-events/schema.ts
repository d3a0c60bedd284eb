import { z } from "zod";
import { AE_STATUSES, SEVERITIES } from "@/domain/vocabulary";
import { aeJsonFields as ae } from "../../../validation/adverse-event";
import { reason } from "../../../validation/fields";
import { listQueryShape, queryBoolean, retiredQuery } from "../../list";
import { adverseEventModel } from "../../../read-model/adverse-event";
import { RETIRE_FACTS } from "../../../read-model/visible";
import { calendarDate, EmbeddedStudy, EmbeddedSubject, EmbeddedUser, instant, modelFields, RECORD_FIELDS, RETIRE_NOTES, uuid, versionField } from "../common";

/**
 * An adverse event as the API shows it: the template's fields, the site's safety fields, the
 * investigator's assessment and the live (not voided) e-signature. Nothing here is free text about
 * the subject, so sponsors get the same fields; the embedded subject is de-identified in SQL.
 */
/** An AE's own columns as the API carries them; ./queries.ts selects exactly these. */
export const AE_FIELDS = [
  ...RECORD_FIELDS, "subjectId", "studyId", "siteId", "eventTerm", "severity", "grade", "serious", "seriousnessCriteria", "onsetDate",
  "endDate", "outcome", "status", "awareAt", "sponsorNotifiedAt", "reportedById", "causality", "expectedness", "assessedById", "assessedAt",
  ...RETIRE_FACTS,
] as const;

export const AdverseEvent = z
  .object({
    ...modelFields(adverseEventModel, AE_FIELDS, {
      grade: "CTCAE grade 1–5.",
      awareAt: "When the site learnt of the event: a serious AE's 24-hour sponsor clock starts here.",
      ...RETIRE_NOTES,
    }),
    signed: z.boolean().describe("Whether a live (not voided) investigator e-signature stands."),
    signedAt: instant.nullable(),
    signedById: uuid.nullable(),
    signedBy: z.string().nullable().describe("The signer's printed name, as on the signature."),
    subject: EmbeddedSubject.optional(),
    study: EmbeddedStudy.optional(),
    reportedBy: EmbeddedUser.optional(),
  })
  .meta({ id: "AdverseEvent" });

export const AE_ORDER = ["onsetDate", "awareAt", "createdAt", "updatedAt"] as const;
export const AE_INCLUDE = ["subject", "study", "reportedBy"] as const;

export const AdverseEventListQuery = z
  .object({
    studyId: uuid.optional(),
    subjectId: uuid.optional(),
    serious: queryBoolean.optional(),
    status: z.enum(AE_STATUSES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    onsetFrom: calendarDate.optional().describe("Onset on or after this date (YYYY-MM-DD)."),
    onsetTo: calendarDate.optional().describe("Onset on or before this date (YYYY-MM-DD)."),
    retired: retiredQuery,
    ...listQueryShape({ order: AE_ORDER, defaultOrder: "-onsetDate", include: AE_INCLUDE }),
  })
  .strict();
export type AdverseEventListQuery = z.output<typeof AdverseEventListQuery>;

/**
 * PATCH: the fields to change, the version read and a reason (always required for an AE edit).
 * Fields left out keep their stored values. Changing signed content voids the investigator's
 * signature and puts the AE back in the safety queue, exactly as an edit in the web app does.
 * Assessment, signature and sponsor notification have their own lib functions, not this PATCH.
 */
export const AdverseEventPatch = z
  .object({
    version: versionField,
    reason: reason().describe("Reason for the change (required)."),
    eventTerm: ae.eventTerm.optional(),
    severity: ae.severity.optional(),
    grade: ae.grade.optional().describe("CTCAE grade 1–5."),
    serious: ae.serious.optional(),
    seriousnessCriteria: ae.seriousnessCriteria.optional(),
    onsetDate: ae.onsetDate.optional().describe("YYYY-MM-DD."),
    endDate: ae.endDate.nullable().optional().describe("YYYY-MM-DD; null clears it."),
    outcome: ae.outcome.nullable().optional(),
    status: ae.status.optional(),
    awareAt: ae.awareAt.optional().describe("An ISO 8601 instant with a zone, or the site's local YYYY-MM-DDTHH:mm."),
  })
  .strict()
  .meta({ id: "AdverseEventPatch" });
