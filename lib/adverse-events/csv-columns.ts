/**
 * The CSV columns every AE export shares (the AE list's and the safety queue's), so a monitor
 * reads the same headers and values in both. The full-name column exists only for those who may
 * see identifiers (the subject's read model decides; the query already selected NULL for others).
 */
import { column, type CsvColumn } from "../csv";
import type { Actor } from "../actor";
import { csvColumns, fieldColumn } from "../read-model/csv";
import { subjectModel } from "../read-model/subject";
import { clockText, sponsorClock, sponsorDeadline } from "./clock";
import type { AeRow } from "./row-select";

/** Who and what: subject, study, event, severity and seriousness, onset. */
export function aeLeadCsvColumns<R extends AeRow>(actor: Actor): CsvColumn<R>[] {
  return csvColumns<R>(actor, [
    column("Subject ID", "subjectCode"),
    fieldColumn("Full name", "subjectName", [subjectModel, "fullName"]),
    column("Study", "protocolId"),
    column("Event term", "eventTerm"),
    column("Severity", "severity"),
    column("CTCAE grade", "grade"),
    { header: "Serious", value: (r) => (r.serious ? "yes" : "no") },
    column("Seriousness criteria", "seriousnessCriteria"),
    column("Onset date", "onsetDate"),
  ]);
}

/** When the site learnt of it, and the serious AE's 24-hour sponsor clock as it stood at `now`. */
export function aeClockCsvColumns<R extends AeRow>(now: Date): CsvColumn<R>[] {
  return [
    column("Aware at", "awareAt"),
    { header: "Sponsor deadline", value: (r) => (r.serious ? sponsorDeadline(r.awareAt) : null) },
    {
      header: "Sponsor clock",
      value: (r) => {
        const c = sponsorClock(r, now);
        return c ? clockText(c) : null;
      },
    },
  ];
}
