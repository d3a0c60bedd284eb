/**
 * The CSV columns every AE export shares (the AE list's and the safety queue's), so a monitor
 * reads the same headers and values in both. The full-name column exists only for those who may
 * see identifiers; for anyone else the query already selected NULL (lib/adverse-events/row-select.ts).
 */
import type { CsvColumn } from "../csv";
import type { Actor } from "../actor";
import { canSeeIdentifiers } from "../policy";
import { clockText, sponsorClock, sponsorDeadline } from "./clock";
import type { AeRow } from "./row-select";

/** Who and what: subject, study, event, severity and seriousness, onset. */
export function aeLeadCsvColumns<R extends AeRow>(actor: Actor): CsvColumn<R>[] {
  return [
    { header: "Subject ID", value: (r) => r.subjectCode },
    ...(canSeeIdentifiers(actor) ? [{ header: "Full name", value: (r: R) => r.subjectName }] : []),
    { header: "Study", value: (r) => r.protocolId },
    { header: "Event term", value: (r) => r.eventTerm },
    { header: "Severity", value: (r) => r.severity },
    { header: "CTCAE grade", value: (r) => r.grade },
    { header: "Serious", value: (r) => (r.serious ? "yes" : "no") },
    { header: "Seriousness criteria", value: (r) => r.seriousnessCriteria },
    { header: "Onset date", value: (r) => r.onsetDate },
  ];
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
