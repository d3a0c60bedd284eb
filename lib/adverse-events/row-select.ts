/**
 * An AE as a row of a list: the columns the AE list, its CSV, the safety queue and its CSV share,
 * read from adverse_events inner-joined with its subject, study and site. The subject's name goes
 * through the SQL de-identification (lib/deidentify-sql.ts): for a sponsor the query selects NULL,
 * so the name never leaves the database. Each list adds its own columns (reporter, assessment,
 * last void) beside these.
 */
import "server-only";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { adverseEvents, sites, studies, subjects } from "@/db/schema";
import type { Actor } from "../actor";
import { identifying } from "../deidentify-sql";

export function aeRowSelect(actor: Actor) {
  return {
    id: adverseEvents.id,
    siteId: adverseEvents.siteId,
    studyId: adverseEvents.studyId,
    protocolId: studies.protocolId,
    subjectId: adverseEvents.subjectId,
    /** The study's own subject identifier ("ONC-014"), not the name. */
    subjectCode: subjects.subjectId,
    subjectName: identifying(actor, subjects.fullName),
    eventTerm: adverseEvents.eventTerm,
    severity: adverseEvents.severity,
    grade: adverseEvents.grade,
    serious: adverseEvents.serious,
    seriousnessCriteria: adverseEvents.seriousnessCriteria,
    onsetDate: adverseEvents.onsetDate,
    endDate: adverseEvents.endDate,
    awareAt: adverseEvents.awareAt,
    sponsorNotifiedAt: adverseEvents.sponsorNotifiedAt,
    outcome: adverseEvents.outcome,
    status: adverseEvents.status,
    /** The AE's own site's zone: sponsors and admins have none of their own. */
    timeZone: sites.timezone,
    version: adverseEvents.version,
  };
}

export type AeRow = SelectResultFields<ReturnType<typeof aeRowSelect>>;
