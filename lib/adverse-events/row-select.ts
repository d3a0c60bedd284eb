/**
 * An AE as a row of a list: the columns the AE list, its CSV, the safety queue and its CSV share,
 * read from adverse_events inner-joined with its subject, study and site. The subject's name comes
 * through its read model (lib/read-model/subject.ts): for a sponsor the query selects NULL, so the
 * name never leaves the database. Each list adds its own columns (reporter, assessment,
 * last void) beside these.
 */
import "server-only";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { adverseEvents, sites, studies } from "@/db/schema";
import type { Actor } from "../actor";
import { adverseEventModel } from "../read-model/adverse-event";
import { subjectModel } from "../read-model/subject";

export function aeRowSelect(actor: Actor) {
  const subject = subjectModel.fields(actor);
  return {
    ...adverseEventModel.pick(actor, ["id", "siteId", "studyId"]),
    protocolId: studies.protocolId,
    subjectId: adverseEvents.subjectId,
    /** The study's own subject identifier ("ONC-014"), not the name. */
    subjectCode: subject.subjectId,
    subjectName: subject.fullName,
    ...adverseEventModel.pick(actor, [
      "eventTerm", "severity", "grade", "serious", "seriousnessCriteria", "onsetDate", "endDate", "awareAt", "sponsorNotifiedAt", "outcome", "status",
    ]),
    /** The AE's own site's zone: sponsors and admins have none of their own. */
    timeZone: sites.timezone,
    version: adverseEvents.version,
  };
}

export type AeRow = SelectResultFields<ReturnType<typeof aeRowSelect>>;
