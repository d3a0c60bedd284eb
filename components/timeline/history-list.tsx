/** A record's changes from the audit trail: who, when, old → new, and the reason given. */
import { humanize } from "@/components/ui/badge";
import { ChangeList as FieldChangeList } from "@/components/history/changes";
import { formatInstant } from "@/lib/format";
import type { HistoryRow } from "@/lib/timeline/types";

/** Bookkeeping and keys that say nothing a reader needs (the record itself is shown above). */
// The retire facts are said in words by the retire line itself (who, when, "Reason: …").
const HIDDEN = new Set(["id", "siteId", "studyId", "scheduleItemId", "version", "createdAt", "updatedAt", "retiredById", "retiredAt", "retireReason"]);
/** The same, plus the subject's id on its screenings, visits, AEs and notes (the timeline is the subject's). */
const HIDDEN_BELOW_SUBJECT = new Set([...HIDDEN, "subjectId"]);

const ACTIONS: Record<string, string> = {
  create: "Created",
  update: "Changed",
  cancel: "Canceled",
  enroll: "Enrolled",
  withdraw: "Withdrawn",
  complete: "Completed",
  lose_to_follow_up: "Lost to follow-up",
  retire: "Retired (entered in error)",
};

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? humanize(action.replace(/\./g, "_"));
}

/** The shared ChangeList with the timeline's rules: bookkeeping hidden, always old → new, ids by name. */
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
  return (
    <FieldChangeList
      changes={changes}
      timeZone={timeZone}
      names={userNames}
      mode="diff"
      hidden={entity === "subject" ? HIDDEN : HIDDEN_BELOW_SUBJECT}
      className="mt-1"
    />
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
