/** The screening queue's CSV columns (its export route writes them); identifying ones follow the read models. */
import type { Actor } from "../actor";
import { column, type CsvColumn } from "../csv";
import { csvColumns, fieldColumn } from "../read-model/csv";
import { screeningModel } from "../read-model/screening";
import { subjectModel } from "../read-model/subject";
import type { QueueRow } from "./queries";

export function screeningQueueCsvColumns(actor: Actor): CsvColumn<QueueRow>[] {
  return csvColumns<QueueRow>(actor, [
    column("Subject ID", "subjectId"),
    fieldColumn("Full name", "fullName", [subjectModel]),
    column("Study", "protocolId"),
    column("Screening status", "screeningStatus"),
    column("Subject status", "status"),
    fieldColumn("Consent signed at", "consentSignedAt", [subjectModel]),
    { header: "Screening date", value: (r) => r.latest?.screeningDate },
    { header: "Latest screening status", value: (r) => r.latest?.screeningStatus },
    { header: "Completed by", value: (r) => r.latest?.completedByName },
    { header: "Notes", value: (r) => r.latest?.notes, shows: [screeningModel, "notes"] },
    { header: "Fail reason", value: (r) => r.latest?.failReason, shows: [screeningModel, "failReason"] },
  ]);
}
