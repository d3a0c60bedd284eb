/** A record's changes from the audit trail: who, when, old → new, and the reason given. */
import { humanize } from "@/components/ui/badge";
import { FIELD_LABELS } from "@/components/history/changes";
import { formatInstant } from "@/lib/format";
import type { HistoryRow } from "@/lib/timeline/types";


/** Bookkeeping and keys that say nothing a reader needs (the record itself is shown above). */
const HIDDEN = new Set(["id", "siteId", "studyId", "scheduleItemId", "version", "createdAt", "updatedAt"]);

const ACTIONS: Record<string, string> = { create: "Created", update: "Changed", cancel: "Canceled", enroll: "Enrolled", withdraw: "Withdrawn" };

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? humanize(action.replace(/\./g, "_"));
}

export function formatValue(field: string, value: unknown, timeZone: string, userNames: Record<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((v) => humanize(String(v))).join(", ");
  if (typeof value !== "string") return String(value);
  if (field.endsWith("Id") && userNames[value]) return userNames[value];
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatInstant(value, timeZone);
  if (/^[a-z]+(_[a-z]+)*$/.test(value) && field !== "fullName" && field !== "noteText") return humanize(value);
  return value;
}

export function ChangeList({
  changes,
  entity,
  timeZone,
  userNames,
}: {
  changes: HistoryRow["changes"];
  entity: string;
  timeZone: string;
  userNames: Record<string, string>;
}) {
  const fields = Object.keys(changes).filter((f) => !HIDDEN.has(f) && !(f === "subjectId" && entity !== "subject"));
  if (fields.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
      {fields.map((field) => {
        const [before, after] = changes[field]!;
        return (
          <div key={field} className="contents">
            <dt className="text-slate-500">{FIELD_LABELS[field] ?? humanize(field.replace(/([A-Z])/g, "_$1").toLowerCase())}</dt>
            <dd className="text-slate-800">
              <span className="text-slate-500 line-through decoration-slate-400">{formatValue(field, before, timeZone, userNames)}</span>
              <span aria-label="changed to"> → </span>
              <span>{formatValue(field, after, timeZone, userNames)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One line per audit row; the creation row lists no fields (the record shows its values). */
export function HistoryList({
  history,
  entity,
  timeZone,
  userNames,
}: {
  history: HistoryRow[];
  entity: string;
  timeZone: string;
  userNames: Record<string, string>;
}) {
  if (history.length === 0) return null;
  return (
    <section aria-label="History" className="mt-2 text-xs">
      <ol className="space-y-1.5 border-l-2 border-slate-200 pl-3">
        {history.map((h) => (
          <li key={h.id}>
            <p className="text-slate-700">
              <span className="font-medium">{actionLabel(h.action)}</span> by {h.actorName} · {formatInstant(h.at, timeZone)}
            </p>
            {h.reason && <p className="text-slate-700">Reason: {h.reason}</p>}
            {h.action !== "create" && <ChangeList changes={h.changes} entity={entity} timeZone={timeZone} userNames={userNames} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
