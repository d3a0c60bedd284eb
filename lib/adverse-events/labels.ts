/**
 * What people read for AE fields: labels (as issue 3 names them), choices for selects, and the
 * display of stored values in the record, the change history and conflict notices. Pure, so the
 * client form and the server page share it.
 */
import { AE_OUTCOMES, AE_STATUSES, SERIOUSNESS_CRITERIA, SEVERITIES } from "@/domain/vocabulary";
import { formatInstant } from "../format";

/** The fields an AE edit may change (the server's whitelist; the conflict notice shows the same). */
export const AE_EDITABLE_FIELDS = [
  "eventTerm",
  "severity",
  "grade",
  "serious",
  "seriousnessCriteria",
  "onsetDate",
  "awareAt",
  "outcome",
  "endDate",
  "status",
] as const;

export const AE_FIELD_LABELS: Record<string, string> = {
  subjectId: "Subject",
  eventTerm: "Event term",
  severity: "Severity",
  grade: "CTCAE grade",
  serious: "Serious",
  seriousnessCriteria: "Seriousness criteria",
  onsetDate: "Onset date",
  awareAt: "Aware at",
  outcome: "Outcome",
  endDate: "End date",
  status: "Status",
  reportedById: "Reported by",
  sponsorNotifiedAt: "Sponsor notified at",
  causality: "Causality",
  expectedness: "Expectedness",
  assessedById: "Assessed by",
  assessedAt: "Assessed at",
  retiredAt: "Retired at",
  retireReason: "Retire reason",
};

const CRITERION_LABELS: Record<(typeof SERIOUSNESS_CRITERIA)[number], string> = {
  death: "Death",
  life_threatening: "Life-threatening",
  hospitalization: "Hospitalization (initial or prolonged)",
  disability: "Disability or incapacity",
  congenital_anomaly: "Congenital anomaly or birth defect",
  other_important_medical_event: "Other important medical event",
};

const words = (v: string) => {
  const s = v.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export const SEVERITY_OPTIONS = SEVERITIES.map((v) => ({ value: v, label: words(v) }));
export const STATUS_OPTIONS = AE_STATUSES.map((v) => ({ value: v, label: words(v) }));
export const OUTCOME_OPTIONS = AE_OUTCOMES.map((v) => ({ value: v, label: words(v) }));
export const GRADE_OPTIONS = [
  { value: "1", label: "1 — Mild" },
  { value: "2", label: "2 — Moderate" },
  { value: "3", label: "3 — Severe" },
  { value: "4", label: "4 — Life-threatening" },
  { value: "5", label: "5 — Death" },
];
export const CRITERIA_OPTIONS = SERIOUSNESS_CRITERIA.map((v) => ({ value: v, label: CRITERION_LABELS[v] }));

export function criterionLabel(value: string): string {
  return CRITERION_LABELS[value as keyof typeof CRITERION_LABELS] ?? words(value);
}

/** A stored value as text (instants in the AE's site time with the zone). */
export function formatAeValue(field: string, value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (field === "seriousnessCriteria" && Array.isArray(value)) return value.length ? value.map((v) => criterionLabel(String(v))).join(", ") : "None";
  if (value instanceof Date || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value))) return formatInstant(value as Date | string, timeZone);
  if (typeof value === "string" && /^[a-z_]+$/.test(value)) return words(value);
  return String(value);
}
