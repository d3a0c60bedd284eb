/** A visit's changes from the audit trail: who, when, what changed (old → new), and why. */
import { ChangeList } from "@/components/history/changes";
import { humanize } from "@/components/ui/badge";
import { formatInstant } from "@/lib/format";
import type { VisitHistoryEntry } from "@/lib/visits/queries";

/** The visit page's word for the reason of a reschedule, cancellation or miss. */
const LABELS: Record<string, string> = { statusReason: "Reason" };
// Ids and bookkeeping say nothing a reader needs on a creation line.
const HIDDEN = new Set(["id", "siteId", "studyId", "subjectId", "scheduleItemId", "coordinatorId"]);

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
                <ChangeList changes={entry.changes} timeZone={timeZone} mode="diff" layout="lines" hidden={HIDDEN} labels={LABELS} className="text-slate-700" />
              )}
              {entry.reason && <p className="text-slate-700">Reason: {entry.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
