/**
 * The visit export's CSV columns: site-local times, each in its visit's own zone (named in a
 * column), as the calendar shows them; identifying ones follow the read models.
 */
import type { Actor } from "../actor";
import { column, type CsvColumn } from "../csv";
import { instantToLocalInput } from "../dates";
import { csvColumns, fieldColumn } from "../read-model/csv";
import { subjectModel } from "../read-model/subject";
import { visitModel } from "../read-model/visit";
import type { VisitRow } from "./queries";

export function visitCsvColumns(actor: Actor): CsvColumn<VisitRow>[] {
  return csvColumns<VisitRow>(actor, [
    column("visitId", "id"),
    column("subjectId", "subjectCode"),
    fieldColumn("fullName", "subjectName", [subjectModel, "fullName"]),
    column("study", "protocolId"),
    column("visitType", "visitType"),
    { header: "scheduledAt", value: (v) => instantToLocalInput(v.scheduledAt, v.siteTimezone) },
    column("timeZone", "siteTimezone"),
    column("visitStatus", "visitStatus"),
    column("location", "location"),
    column("coordinator", "coordinatorName"),
    column("windowStart", "windowStart"),
    column("windowEnd", "windowEnd"),
    { header: "completedAt", value: (v) => (v.completedAt ? instantToLocalInput(v.completedAt, v.siteTimezone) : null) },
    { header: "overdue", value: (v) => (v.overdue ? "yes" : "no") },
    { header: "outOfWindow", value: (v) => (v.outOfWindow ? "yes" : "no") },
    fieldColumn("statusReason", "statusReason", [visitModel]),
  ]);
}
