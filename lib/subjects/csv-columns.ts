/** The registry's CSV columns (its export route writes them); identifying ones follow the subject's read model. */
import type { Actor } from "../actor";
import type { CsvColumn } from "../csv";
import { csvColumns } from "../read-model/csv";
import { subjectModel } from "../read-model/subject";
import type { SubjectRow } from "./queries";

export function subjectCsvColumns(actor: Actor): CsvColumn<SubjectRow>[] {
  return csvColumns<SubjectRow>(actor, [
    { header: "subjectId", value: (r) => r.subjectId },
    { header: "fullName", value: (r) => r.fullName, shows: [subjectModel, "fullName"] },
    { header: "study", value: (r) => r.protocolId },
    { header: "screeningStatus", value: (r) => r.screeningStatus },
    { header: "status", value: (r) => r.status },
    { header: "coordinator", value: (r) => r.coordinatorName },
    { header: "dob", value: (r) => r.dob, shows: [subjectModel, "dob"], yearHeader: "birthYear" },
    { header: "sexAtBirth", value: (r) => r.sexAtBirth },
    { header: "consentSignedAt", value: (r) => r.consentSignedAt, shows: [subjectModel, "consentSignedAt"] },
    { header: "enrolledAt", value: (r) => r.enrolledAt },
    { header: "createdAt", value: (r) => r.createdAt },
  ]);
}
