/** The study overview's four panels: funnel, screen-fail rate, visit compliance and AE counts. */
import { humanize } from "@/components/ui/badge";
import type { StudyOverview as Overview } from "@/lib/sponsor/queries";
import { BarFill, BarTable } from "./bar-table";

export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);
const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}% of screened` : undefined);

function Panel({ title, children, id }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A headline figure: the rate, and the counts it comes from in words. */
function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="text-3xl font-semibold tabular-nums text-slate-900">{value}</p>
      <p className="text-sm text-slate-600">{detail}</p>
    </div>
  );
}

export function StudyOverview({ overview }: { overview: Overview }) {
  const { funnel, visits, aes } = overview;
  const aeMax = Math.max(0, ...aes.bySeverity.flatMap((r) => [r.serious, r.nonSerious]));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title="Enrollment funnel" id="funnel">
        <BarTable
          caption="Subjects at each stage"
          valueHeader="Subjects"
          rows={[
            { label: "Screened", value: funnel.screened },
            { label: "Passed screening", value: funnel.passed, note: share(funnel.passed, funnel.screened) },
            { label: "Enrolled", value: funnel.enrolled, note: share(funnel.enrolled, funnel.screened) },
            { label: "Completed", value: funnel.completed, note: share(funnel.completed, funnel.screened) },
            { label: "Withdrawn", value: funnel.withdrawn, note: share(funnel.withdrawn, funnel.screened) },
          ]}
        />
        <p className="mt-3 text-xs text-slate-500">
          {funnel.registered} registered in all; of the {funnel.enrolled} enrolled, {funnel.ongoing} still on study
          {funnel.lost > 0 ? `, ${funnel.lost} lost to follow-up` : ""}.
        </p>
      </Panel>

      <Panel title="Screening" id="screen-fail">
        <Figure
          label="Screen-fail rate"
          value={percent(overview.screenFailRate)}
          detail={funnel.screened > 0 ? `${funnel.failed} failed of ${funnel.screened} screened` : "Nobody has been screened yet."}
        />
        {funnel.screened > 0 && (
          <div className="mt-3">
            <BarTable
              caption="Screening outcomes"
              valueHeader="Subjects"
              max={funnel.screened}
              rows={[
                { label: "Passed", value: funnel.passed },
                { label: "Failed", value: funnel.failed, hatched: true },
              ]}
            />
          </div>
        )}
      </Panel>

      <Panel title="Visit compliance" id="compliance">
        <Figure
          label="Completed in window ÷ due"
          value={percent(visits.compliance)}
          detail={
            visits.due > 0
              ? `${visits.completedInWindow} of ${visits.due} due protocol visits completed within their window`
              : "No protocol visit is due yet."
          }
        />
        <p className="mt-1 text-xs text-slate-500">Due: a planned visit whose window has ended, or that is completed. Canceled visits are not due.</p>
        {visits.due > 0 && (
          <div className="mt-3">
            <BarTable
              caption="Due visits by outcome"
              valueHeader="Visits"
              max={visits.due}
              rows={[
                { label: "Completed in window", value: visits.completedInWindow },
                { label: "Completed out of window", value: visits.completedOutOfWindow, hatched: true },
                { label: "Missed", value: visits.missed, hatched: true },
                { label: "Overdue", value: visits.overdue, hatched: true },
              ]}
            />
          </div>
        )}
      </Panel>

      <Panel title="Adverse events" id="aes">
        <p className="mb-3 text-sm text-slate-600">
          <span className="font-semibold text-slate-900">{aes.total}</span> adverse events, of which{" "}
          <span className="font-semibold text-slate-900">{aes.serious}</span> serious.
        </p>
        <table className="w-full text-sm">
          <caption className="mb-2 text-left text-sm font-semibold text-slate-800">Adverse events by severity and seriousness</caption>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th scope="col" className="py-1 pr-3 font-medium">Severity</th>
              <th scope="col" className="py-1 pr-3 font-medium">Serious (hatched)</th>
              <th scope="col" className="py-1 pr-3 font-medium">Not serious</th>
              <th scope="col" className="py-1 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody>
            {aes.bySeverity.map((r) => (
              <tr key={r.severity} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-700">{humanize(r.severity)}</th>
                <td className="py-1.5 pr-3">
                  <div className="flex items-center gap-2">
                    <span className="w-8 text-right font-semibold tabular-nums">{r.serious}</span>
                    <BarFill value={r.serious} max={aeMax} hatched />
                  </div>
                </td>
                <td className="py-1.5 pr-3">
                  <div className="flex items-center gap-2">
                    <span className="w-8 text-right font-semibold tabular-nums">{r.nonSerious}</span>
                    <BarFill value={r.nonSerious} max={aeMax} />
                  </div>
                </td>
                <td className="py-1.5 text-right font-semibold tabular-nums">{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </div>
  );
}
