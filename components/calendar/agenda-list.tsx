/**
 * The agenda: visits listed by day (or, for a flag, by their own date), one row each, every
 * visit a link (but a retired one, shown with "Show retired": it has no page any more). Server-rendered;
 * paginated by the page that renders it.
 */
import { RecordLink, RetiredMark, retiredRow } from "@/components/records/retired";
import { humanize } from "@/components/ui/badge";
import { VisitFlagBadges, VisitStatusBadge } from "@/components/visits/visit-badges";
import { localDate } from "@/lib/dates";
import type { VisitRow } from "@/lib/visits/queries";
import { longDayLabel, timeLabel } from "./labels";

export function AgendaList({ rows, timeZone, empty }: { rows: VisitRow[]; timeZone: string; empty: React.ReactNode }) {
  if (rows.length === 0) {
    return <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{empty}</div>;
  }
  const days: { day: string; rows: VisitRow[] }[] = [];
  for (const row of rows) {
    const day = localDate(row.scheduledAt, timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.rows.push(row);
    else days.push({ day, rows: [row] });
  }
  return (
    <div className="space-y-4">
      {days.map(({ day, rows: dayRows }) => (
        <section key={day} aria-labelledby={`agenda-${day}`} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <h2 id={`agenda-${day}`} className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-sm font-semibold text-slate-800">
            {longDayLabel(day)}
          </h2>
          <table className="w-full table-fixed text-sm">
            <caption className="sr-only">Visits on {longDayLabel(day)}</caption>
            {/* Fixed widths keep the columns of every day's table aligned. */}
            <colgroup>
              <col className="w-20" />
              <col className="w-[26%]" />
              <col className="w-32" />
              <col className="w-56" />
              <col />
              <col />
            </colgroup>
            <thead className="sr-only">
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Subject</th>
                <th scope="col">Visit type</th>
                <th scope="col">Visit status</th>
                <th scope="col">Location</th>
                <th scope="col">Coordinator</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {dayRows.map((v) => (
                <tr key={v.id} className={`hover:bg-slate-50 ${retiredRow(v) ?? ""}`}>
                  <td className="px-3 py-1.5 font-mono tabular-nums text-slate-700">{timeLabel(v.scheduledAt, timeZone)}</td>
                  <td className="px-3 py-1.5">
                    <RecordLink href={`/visits/${v.id}`} retired={v.retiredAt !== null} className="text-brand-800 underline-offset-2 hover:underline">
                      <span className="font-medium">
                        {v.subjectCode}
                        {v.subjectName ? ` · ${v.subjectName}` : ""}
                      </span>
                    </RecordLink>
                    <span className="block text-xs text-slate-600">{v.protocolId}</span>
                    {v.retiredAt && <RetiredMark reason={v.retireReason} />}
                  </td>
                  <td className="px-3 py-1.5 text-slate-800">{humanize(v.visitType)}</td>
                  <td className="px-3 py-1.5">
                    <span className="flex flex-wrap gap-1">
                      <VisitStatusBadge status={v.visitStatus} />
                      {/* A retired visit calls for nothing: no overdue or window flag. */}
                      {!v.retiredAt && <VisitFlagBadges visit={v} />}
                    </span>
                  </td>
                  <td className="px-3 py-1.5 text-slate-700">{v.location ?? "—"}</td>
                  <td className="px-3 py-1.5 text-slate-700">{v.coordinatorName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
