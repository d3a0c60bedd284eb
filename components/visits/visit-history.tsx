/** A visit's changes from the audit trail: who, when, what changed (old → new), and why. */
import { humanize } from "@/components/ui/badge";
import { formatInstant } from "@/lib/format";
import type { VisitHistoryEntry } from "@/lib/visits/queries";

const LABELS: Record<string, string> = {
  scheduledAt: "Scheduled at",
  visitStatus: "Visit status",
  completedAt: "Completed at",
  statusReason: "Reason",
  location: "Location",
  coordinatorId: "Coordinator",
  visitType: "Visit type",
};
const INSTANTS = new Set(["scheduledAt", "completedAt"]);
// Ids and bookkeeping say nothing a reader needs on a creation line.
const HIDDEN = new Set(["id", "siteId", "studyId", "subjectId", "scheduleItemId", "coordinatorId"]);

function shown(field: string, value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (INSTANTS.has(field) && typeof value === "string") return formatInstant(value, timeZone);
  if (typeof value === "string" && /^[a-z_]+$/.test(value)) return humanize(value);
  return String(value);
}

export function VisitHistory({ entries, timeZone }: { entries: VisitHistoryEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="visit-history" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="visit-history" className="mb-2 text-sm font-semibold text-slate-900">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No changes recorded yet.</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {entries.map((entry, i) => (
            <li key={i} className="border-l-2 border-slate-200 pl-3">
              <p className="text-slate-900">
                <span className="font-medium">{humanize(entry.action)}</span> by {entry.actorName ?? "system"} ·{" "}
                <span className="text-slate-600">{formatInstant(entry.at, timeZone)}</span>
              </p>
              {entry.action !== "create" && (
                <ul className="text-slate-700">
                  {Object.entries(entry.changes)
                    .filter(([field]) => !HIDDEN.has(field))
                    .map(([field, [before, after]]) => (
                      <li key={field}>
                        {LABELS[field] ?? humanize(field)}: {shown(field, before, timeZone)} → {shown(field, after, timeZone)}
                      </li>
                    ))}
                </ul>
              )}
              {entry.reason && <p className="text-slate-700">Reason: {entry.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
