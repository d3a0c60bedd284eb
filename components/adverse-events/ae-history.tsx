/** An AE's change history from the audit trail: who, when, old → new, and the reason given. */
import { ChangeList } from "@/components/history/changes";
import { humanize } from "@/components/ui/badge";
import { AE_FIELD_LABELS, formatAeValue } from "@/lib/adverse-events/labels";
import type { AeHistoryEntry } from "@/lib/adverse-events/queries";
import { formatInstant } from "@/lib/format";

const ACTION_LABELS: Record<string, string> = {
  create: "Reported",
  update: "Edited",
  // Written by the safety review (lib/safety, lib/signatures).
  assess: "Assessed",
  sign: "Signed",
  "signature.void": "Signature voided",
  "sign.failed": "Signing refused (wrong password)",
  notify_sponsor: "Sponsor notified",
};

export function AeHistory({ entries, timeZone }: { entries: AeHistoryEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="mb-2 text-base font-semibold text-slate-900">
        Change history
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No changes recorded for this adverse event.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Change history</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">What</th>
                <th scope="col" className="px-3 py-2">Changes</th>
                <th scope="col" className="px-3 py-2">Reason</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">{formatInstant(e.at, timeZone)}</td>
                  <td className="px-3 py-2">{e.actorName ?? "—"}</td>
                  <td className="px-3 py-2">{ACTION_LABELS[e.action] ?? humanize(e.action)}</td>
                  <td className="px-3 py-2">
                    {e.action === "create" ? (
                      <span className="text-slate-600">First report</span>
                    ) : (
                      <ChangeList
                        changes={e.changes}
                        timeZone={timeZone}
                        mode="diff"
                        layout="lines"
                        labels={AE_FIELD_LABELS}
                        format={(field, value) => formatAeValue(field, value, timeZone)}
                      />
                    )}
                  </td>
                  <td className="px-3 py-2 text-slate-800">{e.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
