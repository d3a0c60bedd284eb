/**
 * Above the calendar: the view (month, week, agenda), previous/today/next, the period shown,
 * and the two flag lists. Plain links: the state lives in the URL, back and forward work.
 */
import Link from "next/link";
import { humanize } from "@/components/ui/badge";
import { CALENDAR_VIEWS, calendarQuery, stepDate, type CalendarState } from "@/lib/visits/calendar";
import type { IsoDate } from "@/lib/dates";

const tab = (current: boolean) =>
  `rounded-md px-2.5 py-1 text-sm ${current ? "bg-brand-50 font-medium text-brand-800 ring-1 ring-brand-100" : "text-slate-700 hover:bg-slate-100"}`;
const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-100";

export function CalendarToolbar({ state, today, title }: { state: CalendarState; today: IsoDate; title: string }) {
  const href = (changes: Parameters<typeof calendarQuery>[1]) => `/visits?${calendarQuery(state, { page: 1, ...changes })}`;
  return (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <nav aria-label="Calendar view" className="flex gap-1">
          {CALENDAR_VIEWS.map((view) => {
            const current = !state.flag && state.view === view;
            return (
              <Link key={view} href={href({ view, flag: undefined })} aria-current={current ? "page" : undefined} className={tab(current)}>
                {humanize(view)}
              </Link>
            );
          })}
        </nav>
        {!state.flag && (
          <nav aria-label="Move in time" className="flex items-center gap-1">
            <Link href={href({ date: stepDate(state.view, state.date, -1) })} className={button} aria-label={`Previous ${state.view === "agenda" ? "two weeks" : state.view}`}>
              ‹ Previous
            </Link>
            <Link href={href({ date: today })} className={button}>
              Today
            </Link>
            <Link href={href({ date: stepDate(state.view, state.date, 1) })} className={button} aria-label={`Next ${state.view === "agenda" ? "two weeks" : state.view}`}>
              Next ›
            </Link>
          </nav>
        )}
        <h2 className="text-base font-semibold text-slate-900" aria-live="polite">
          {title}
        </h2>
      </div>
      <nav aria-label="Flagged visits" className="flex gap-1">
        <Link href={href({ flag: state.flag === "overdue" ? undefined : "overdue" })} aria-current={state.flag === "overdue" ? "page" : undefined} className={`${tab(state.flag === "overdue")} text-red-800`}>
          Overdue
        </Link>
        <Link
          href={href({ flag: state.flag === "out_of_window" ? undefined : "out_of_window" })}
          aria-current={state.flag === "out_of_window" ? "page" : undefined}
          className={`${tab(state.flag === "out_of_window")} text-amber-900`}
        >
          Out of window
        </Link>
      </nav>
    </div>
  );
}
