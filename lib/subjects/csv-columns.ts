/** The registry's CSV columns (its export route writes them); identifying ones follow the subject's read model. */
import type { Actor } from "../actor";
import { column, type CsvColumn } from "../csv";
import { csvColumns } from "../read-model/csv";
import { subjectModel } from "../read-model/subject";
import type { SubjectRow } from "./queries";

export function subjectCsvColumns(actor: Actor): CsvColumn<SubjectRow>[] {
  return csvColumns<SubjectRow>(actor, [
    column("subjectId", "subjectId"),
    { header: "fullName", value: (r) => r.fullName, shows: [subjectModel, "fullName"] },
    column("study", "protocolId"),
    column("screeningStatus", "screeningStatus"),
    column("status", "status"),
    column("coordinator", "coordinatorName"),
    { header: "dob", value: (r) => r.dob, shows: [subjectModel, "dob"], yearHeader: "birthYear" },
    column("sexAtBirth", "sexAtBirth"),
    { header: "consentSignedAt", value: (r) => r.consentSignedAt, shows: [subjectModel, "consentSignedAt"] },
    column("enrolledAt", "enrolledAt"),
    column("createdAt", "createdAt"),
  ]);
}
