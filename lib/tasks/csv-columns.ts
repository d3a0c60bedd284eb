/** The task export's CSV columns: times at each task's own site (its zone in a column), as the list shows them. */
import type { Actor } from "../actor";
import { column, type CsvColumn } from "../csv";
import { instantToLocalInput } from "../dates";
import { csvColumns, fieldColumn } from "../read-model/csv";
import { subjectModel } from "../read-model/subject";
import { taskModel } from "../read-model/task";
import { aboutLabel, assigneeLabel } from "./labels";
import type { TaskRow } from "./queries";

const local = (instant: Date | null, timeZone: string) => (instant ? instantToLocalInput(instant, timeZone) : null);

export function taskCsvColumns(actor: Actor): CsvColumn<TaskRow>[] {
  return csvColumns<TaskRow>(actor, [
    column("taskId", "id"),
    column("title", "title"),
    fieldColumn("details", "details", [taskModel]),
    { header: "about", value: (t) => aboutLabel(t) },
    column("entity", "entity"),
    column("entityId", "entityId"),
    column("subjectId", "subjectCode"),
    fieldColumn("fullName", "subjectName", [subjectModel, "fullName"]),
    column("study", "protocolId"),
    { header: "dueAt", value: (t) => local(t.dueAt, t.timeZone) },
    column("timeZone", "timeZone"),
    { header: "assignee", value: (t) => assigneeLabel(t) },
    column("priority", "priority"),
    column("status", "status"),
    { header: "overdue", value: (t) => (t.overdue ? "yes" : "no") },
    { header: "closedAt", value: (t) => local(t.closedAt, t.timeZone) },
    column("closedBy", "closedByName"),
    fieldColumn("dismissReason", "dismissReason", [taskModel]),
    column("source", "source"),
  ]);
}
