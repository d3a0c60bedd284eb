/**
 * The visit export's CSV columns: site-local times, each in its visit's own zone (named in a
 * column), as the calendar shows them; identifying ones follow the read models.
 */
import type { Actor } from "../actor";
import type { CsvColumn } from "../csv";
import { instantToLocalInput } from "../dates";
import { csvColumns } from "../read-model/csv";
import { subjectModel } from "../read-model/subject";
import { visitModel } from "../read-model/visit";
import type { VisitRow } from "./queries";

export function visitCsvColumns(actor: Actor): CsvColumn<VisitRow>[] {
  return csvColumns<VisitRow>(actor, [
    { header: "visitId", value: (v) => v.id },
    { header: "subjectId", value: (v) => v.subjectCode },
    { header: "fullName", value: (v) => v.subjectName, shows: [subjectModel, "fullName"] },
    { header: "study", value: (v) => v.protocolId },
    { header: "visitType", value: (v) => v.visitType },
    { header: "scheduledAt", value: (v) => instantToLocalInput(v.scheduledAt, v.siteTimezone) },
    { header: "timeZone", value: (v) => v.siteTimezone },
    { header: "visitStatus", value: (v) => v.visitStatus },
    { header: "location", value: (v) => v.location },
    { header: "coordinator", value: (v) => v.coordinatorName },
    { header: "windowStart", value: (v) => v.windowStart },
    { header: "windowEnd", value: (v) => v.windowEnd },
    { header: "completedAt", value: (v) => (v.completedAt ? instantToLocalInput(v.completedAt, v.siteTimezone) : null) },
    { header: "overdue", value: (v) => (v.overdue ? "yes" : "no") },
    { header: "outOfWindow", value: (v) => (v.outOfWindow ? "yes" : "no") },
    { header: "statusReason", value: (v) => v.statusReason, shows: [visitModel, "statusReason"] },
  ]);
}
