/** The registry's CSV columns (its export route writes them); identifying ones follow the subject's read model. */
import type { Actor } from "../actor";
import { column, type CsvColumn } from "../csv";
import { csvColumns, fieldColumn } from "../read-model/csv";
import { subjectModel } from "../read-model/subject";
import type { SubjectRow } from "./queries";

export function subjectCsvColumns(actor: Actor): CsvColumn<SubjectRow>[] {
  return csvColumns<SubjectRow>(actor, [
    column("subjectId", "subjectId"),
    fieldColumn("fullName", "fullName", [subjectModel]),
    column("study", "protocolId"),
    column("screeningStatus", "screeningStatus"),
    column("status", "status"),
    column("coordinator", "coordinatorName"),
    fieldColumn("dob", "dob", [subjectModel], "birthYear"),
    column("sexAtBirth", "sexAtBirth"),
    fieldColumn("consentSignedAt", "consentSignedAt", [subjectModel]),
    column("enrolledAt", "enrolledAt"),
    column("createdAt", "createdAt"),
  ]);
}
