/**
 * The CSV columns every AE export shares (the AE list's and the safety queue's), so a monitor
 * reads the same headers and values in both. The full-name column exists only for those who may
 * see identifiers (the subject's read model decides; the query already selected NULL for others).
 */
import type { CsvColumn } from "../csv";
import type { Actor } from "../actor";
import { csvColumns } from "../read-model/csv";
import { subjectModel } from "../read-model/subject";
import { clockText, sponsorClock, sponsorDeadline } from "./clock";
import type { AeRow } from "./row-select";

/** Who and what: subject, study, event, severity and seriousness, onset. */
export function aeLeadCsvColumns<R extends AeRow>(actor: Actor): CsvColumn<R>[] {
  return csvColumns<R>(actor, [
    { header: "Subject ID", value: (r) => r.subjectCode },
    { header: "Full name", value: (r) => r.subjectName, shows: [subjectModel, "fullName"] },
    { header: "Study", value: (r) => r.protocolId },
    { header: "Event term", value: (r) => r.eventTerm },
    { header: "Severity", value: (r) => r.severity },
    { header: "CTCAE grade", value: (r) => r.grade },
    { header: "Serious", value: (r) => (r.serious ? "yes" : "no") },
    { header: "Seriousness criteria", value: (r) => r.seriousnessCriteria },
    { header: "Onset date", value: (r) => r.onsetDate },
  ]);
}

/** When the site learnt of it, and the serious AE's 24-hour sponsor clock as it stood at `now`. */
export function aeClockCsvColumns<R extends AeRow>(now: Date): CsvColumn<R>[] {
  return [
    { header: "Aware at", value: (r) => r.awareAt },
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
