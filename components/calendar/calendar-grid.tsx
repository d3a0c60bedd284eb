"use client";

/**
 * The month and week grids' keyboard behaviour (WAI-ARIA grid pattern with a roving tabindex):
 * one day is in the tab order; arrow keys move it by a day or a week, Home/End to the week's
 * ends, PageUp/PageDown by a month; Enter opens the day's agenda. Moving past the visible days
 * loads the neighbouring period (the date goes into the URL) and keeps the focus on the target
 * day. Only the focused day's visit links are tabbable, so Tab leaves the grid quickly.
 * The day contents are rendered on the server and passed in.
 */
import { addMonths, format, parseISO } from "date-fns";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { addDaysIso, type IsoDate } from "@/lib/dates";

export type GridDay = {
  date: IsoDate;
  /** Read by screen readers for the cell: "Tuesday 10 March 2026, 3 visits". */
  label: string;
  heading: string;
  /** Days of the neighbouring months in a month grid. */
  muted: boolean;
  today: boolean;
};

const FOCUS_AFTER_NAVIGATION = "trialdesk.calendar.focus";
const DATE_TOKEN = "__DATE__";

export function CalendarGrid({
  caption,
  weekdays,
  days,
  cells,
  activeDate,
  viewHref,
  openHref,
  variant,
}: {
  caption: string;
  weekdays: string[];
  days: GridDay[];
  cells: Record<IsoDate, React.ReactNode>;
  activeDate: IsoDate;
  /** This view at another date, with "__DATE__" where the date goes. */
  viewHref: string;
  /** A day's agenda, with "__DATE__" where the date goes. */
  openHref: string;
  variant: "month" | "week";
}) {
  const router = useRouter();
  const [active, setActive] = useState<IsoDate>(days.some((d) => d.date === activeDate) ? activeDate : days[0]!.date);
  const cellRefs = useRef(new Map<IsoDate, HTMLElement>());

  // Only the active day's visit links stay in the tab order.
  useEffect(() => {
    for (const [date, cell] of cellRefs.current) {
      cell.querySelectorAll<HTMLElement>("a").forEach((a) => (a.tabIndex = date === active ? 0 : -1));
    }
  }, [active, cells]);

  // Arriving here by arrowing past the previous period's edge: focus the day aimed for.
  useEffect(() => {
    if (sessionStorage.getItem(FOCUS_AFTER_NAVIGATION) === activeDate) {
      sessionStorage.removeItem(FOCUS_AFTER_NAVIGATION);
      cellRefs.current.get(activeDate)?.focus();
    }
  }, [activeDate]);

  function moveTo(target: IsoDate) {
    const cell = cellRefs.current.get(target);
    if (cell) {
      setActive(target);
      cell.focus();
      return;
    }
    sessionStorage.setItem(FOCUS_AFTER_NAVIGATION, target);
    router.push(viewHref.replace(DATE_TOKEN, target), { scroll: false });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>("[data-date]");
    if (!cell) return;
    const date = cell.dataset.date as IsoDate;
    const weekday = (parseISO(date).getDay() + 6) % 7; // Monday = 0
    const month = (n: number) => format(addMonths(parseISO(date), n), "yyyy-MM-dd");
    const moves: Record<string, () => IsoDate> = {
      ArrowLeft: () => addDaysIso(date, -1),
      ArrowRight: () => addDaysIso(date, 1),
      ArrowUp: () => addDaysIso(date, -7),
      ArrowDown: () => addDaysIso(date, 7),
      Home: () => addDaysIso(date, -weekday),
      End: () => addDaysIso(date, 6 - weekday),
      PageUp: () => month(-1),
      PageDown: () => month(1),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(move());
    } else if (event.key === "Enter" && target === cell) {
      event.preventDefault();
      router.push(openHref.replace(DATE_TOKEN, date));
    }
  }

  const weeks: GridDay[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));

  return (
    <div
      role="grid"
      aria-label={caption}
      aria-describedby="calendar-keys"
      onKeyDown={onKeyDown}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
    >
      <div role="row" className="grid grid-cols-7 border-b border-slate-200 bg-slate-50">
        {weekdays.map((name) => (
          <div key={name} role="columnheader" className="px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600">
            {name}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]!.date} role="row" className="grid grid-cols-7 divide-x divide-slate-100 border-b border-slate-100 last:border-b-0">
          {week.map((day) => (
            <div
              key={day.date}
              role="gridcell"
              data-date={day.date}
              aria-label={day.label}
              aria-current={day.today ? "date" : undefined}
              tabIndex={day.date === active ? 0 : -1}
              ref={(el) => {
                if (el) cellRefs.current.set(day.date, el);
                else cellRefs.current.delete(day.date);
              }}
              onFocus={() => setActive(day.date)}
              className={`${variant === "month" ? "min-h-28" : "min-h-72"} min-w-0 p-1.5 outline-offset-[-2px] focus:bg-brand-50 ${
                day.muted ? "bg-slate-50/70" : ""
              }`}
            >
              <p
                aria-hidden="true"
                className={`mb-1 text-xs font-semibold ${
                  day.today ? "inline-block rounded bg-brand-700 px-1.5 text-white" : day.muted ? "text-slate-400" : "text-slate-700"
                }`}
              >
                {day.heading}
              </p>
              {cells[day.date]}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
