/**
 * Old → new per field, as an audit row records it ({ field: [old, new] }), for any kind of record.
 * Pure (no hooks, no server imports), so server pages and client tables can both render it: the
 * one ChangeList of the app (audit log, subject timeline, AE history, visit history).
 * Ids of people, sites, studies and subjects are shown by name when the caller passes `names`.
 */
import { humanize } from "@/components/ui/badge";
import { formatInstant } from "@/lib/format";

export type FieldChanges = Record<string, [unknown, unknown]>;

/** Field labels in plain words, as the forms name them (issue 3), for every audited entity. */
export const FIELD_LABELS: Record<string, string> = {
  subjectId: "Subject ID",
  fullName: "Full name",
  dob: "Date of birth",
  sexAtBirth: "Sex at birth",
  consentSignedAt: "Consent signed at",
  screeningStatus: "Screening status",
  screeningDate: "Screening date",
  coordinatorId: "Coordinator",
  completedById: "Completed by",
  completedAt: "Completed at",
  reportedById: "Reported by",
  authorId: "Author",
  visitType: "Visit type",
  scheduledAt: "Scheduled at",
  visitStatus: "Visit status",
  location: "Location",
  statusReason: "Status reason",
  eventTerm: "Event term",
  severity: "Severity",
  grade: "CTCAE grade",
  serious: "Serious",
  seriousnessCriteria: "Seriousness criteria",
  onsetDate: "Onset date",
  awareAt: "Aware at",
  sponsorNotifiedAt: "Sponsor notified at",
  assessedById: "Assessed by",
  noteType: "Note type",
  noteText: "Note text",
  siteId: "Site",
  studyId: "Study",
  userId: "User",
  principalInvestigatorId: "Principal investigator",
  failReason: "Fail reason",
  withdrawalReason: "Withdrawal reason",
  retireReason: "Retire reason",
};

/** Free text: never turned into "Title case" even when it looks like an identifier. */
const FREE_TEXT = new Set(["fullName", "noteText", "notes", "failReason", "withdrawalReason", "statusReason", "retireReason", "reason", "location", "eventTerm"]);

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? humanize(field.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase());
}

export function formatChangeValue(field: string, value: unknown, timeZone: string, names: Record<string, string> = {}): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => formatChangeValue(field, v, timeZone, names)).join(", ") : "None";
  if (typeof value === "object") {
    // e.g. an export's filters, shown as the URL had them: "action: login, studyId: …"
    const entries = Object.entries(value as Record<string, unknown>);
    const raw = (v: unknown) => (typeof v === "string" ? (names[v.toLowerCase()] ?? v) : JSON.stringify(v));
    return entries.length ? entries.map(([k, v]) => `${k}: ${raw(v)}`).join(", ") : "None";
  }
  const text = String(value);
  const named = names[text.toLowerCase()];
  if (named) return named;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatInstant(text, timeZone);
  if (!FREE_TEXT.has(field) && /^[a-z]+(_[a-z]+)*$/.test(text)) return humanize(text);
  return text;
}

/**
 * Layout "terms": a definition list (field, then its values); "lines": one "Label: old → new"
 * line per field, for a history table or list that reads as sentences.
 */
export function ChangeList({
  changes,
  timeZone,
  names,
  mode = "auto",
  hidden,
  labels,
  format,
  layout = "terms",
  className = "",
}: {
  changes: FieldChanges;
  /** Zone for instants in the values (shown with the zone named). */
  timeZone: string;
  names?: Record<string, string>;
  /** "values" lists only the new values; the default shows old → new unless every old value is empty (a creation). */
  mode?: "diff" | "values" | "auto";
  hidden?: ReadonlySet<string>;
  /** The caller's own words for some fields, before FIELD_LABELS. */
  labels?: Record<string, string>;
  /** The caller's own display of a stored value; formatChangeValue by default. */
  format?: (field: string, value: unknown) => string;
  layout?: "terms" | "lines";
  className?: string;
}) {
  const fields = Object.keys(changes).filter((f) => !hidden?.has(f));
  if (fields.length === 0) return null;
  const diff = mode === "diff" || (mode === "auto" && fields.some((f) => changes[f]![0] !== null && changes[f]![0] !== undefined));
  const label = (field: string) => labels?.[field] ?? fieldLabel(field);
  const shown = (field: string, value: unknown) => (format ? format(field, value) : formatChangeValue(field, value, timeZone, names));
  const value = (field: string) => {
    const [before, after] = changes[field]!;
    return (
      <>
        {diff && (
          <>
            <span className="text-slate-500 line-through decoration-slate-400">{shown(field, before)}</span>
            <span aria-label="changed to"> → </span>
          </>
        )}
        <span>{shown(field, after)}</span>
      </>
    );
  };
  if (layout === "lines") {
    return (
      <ul className={`space-y-0.5 ${className}`}>
        {fields.map((field) => (
          <li key={field} className="break-words">
            <span className="font-medium">{label(field)}:</span> {value(field)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl className={`grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs ${className}`}>
      {fields.map((field) => (
        <div key={field} className="contents">
          <dt className="text-slate-500">{label(field)}</dt>
          <dd className="break-words text-slate-800">{value(field)}</dd>
        </div>
      ))}
    </dl>
  );
}
