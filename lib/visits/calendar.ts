/**
 * The calendar's state and arithmetic, pure: which view, which date, which filters (all from the
 * URL, so a view can be shared and back/forward work), and which site-local days each view shows.
 * Only those days are queried. Weeks start on Monday (ISO 8601).
 */
import { addDays, addMonths, differenceInCalendarDays, endOfMonth, endOfWeek, format, parseISO, startOfMonth, startOfWeek } from "date-fns";
import { z } from "zod";
import { VISIT_STATUSES } from "@/domain/vocabulary";
import { isIsoDate, siteToday, type IsoDate } from "../dates";
import { first, optional, showRetired, type SearchParams } from "../list/params";
import { VISIT_FLAGS, type VisitFilters, type VisitFlag } from "../validation/visit";

export const CALENDAR_VIEWS = ["month", "week", "agenda"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** The agenda lists this many days from its date, a page of rows at a time. */
export const AGENDA_DAYS = 14;
export const AGENDA_PAGE_SIZE = 50;
/** Visits drawn per day in a grid; the rest are counted and a "+N more" opens that day's agenda. */
export const PER_DAY = { month: 4, week: 40 } as const;

export type CalendarState = {
  view: CalendarView;
  date: IsoDate;
  filters: VisitFilters;
  flag?: VisitFlag;
  page: number;
};

const paramsSchema = z.object({
  view: optional(z.enum(CALENDAR_VIEWS)),
  date: optional(z.string().refine(isIsoDate)),
  studyId: optional(z.uuid()),
  visitStatus: optional(z.enum(VISIT_STATUSES)),
  coordinatorId: optional(z.uuid()),
  retired: showRetired,
  flag: optional(z.enum(VISIT_FLAGS)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});

/** A hand-edited or stale URL degrades to defaults (month view of the site's today) instead of failing. */
export function parseCalendarParams(params: SearchParams, timeZone: string, now = new Date()): CalendarState {
  const flat: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) flat[key] = first(value);
  const p = paramsSchema.parse(flat);
  return {
    // A flag is a list of flagged visits whatever their date: the agenda shows it.
    view: p.flag ? "agenda" : (p.view ?? "month"),
    date: p.date ?? siteToday(timeZone, now),
    filters: { studyId: p.studyId, visitStatus: p.visitStatus, coordinatorId: p.coordinatorId, retired: p.retired },
    flag: p.flag,
    page: p.page ?? 1,
  };
}

const iso = (d: Date): IsoDate => format(d, "yyyy-MM-dd");

/** The site-local days a view shows, inclusive. */
export function rangeFor(view: CalendarView, date: IsoDate): { from: IsoDate; to: IsoDate } {
  const d = parseISO(date);
  switch (view) {
    case "month":
      // Whole weeks around the month, as a wall calendar shows them.
      return { from: iso(startOfWeek(startOfMonth(d), { weekStartsOn: 1 })), to: iso(endOfWeek(endOfMonth(d), { weekStartsOn: 1 })) };
    case "week":
      return { from: iso(startOfWeek(d, { weekStartsOn: 1 })), to: iso(endOfWeek(d, { weekStartsOn: 1 })) };
    case "agenda":
      return { from: date, to: iso(addDays(d, AGENDA_DAYS - 1)) };
  }
}

/** The date that "Previous"/"Next" move to (a month keeps its day where it can). */
export function stepDate(view: CalendarView, date: IsoDate, direction: 1 | -1): IsoDate {
  const d = parseISO(date);
  switch (view) {
    case "month":
      return iso(addMonths(d, direction));
    case "week":
      return iso(addDays(d, 7 * direction));
    case "agenda":
      return iso(addDays(d, AGENDA_DAYS * direction));
  }
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const start = parseISO(from);
  const count = differenceInCalendarDays(parseISO(to), start) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => iso(addDays(start, i)));
}

/** The query string of a calendar state (defaults left out), for links, the export and the filter bar. */
export function calendarQuery(state: CalendarState, changes: Partial<Omit<CalendarState, "filters">> & { filters?: Partial<VisitFilters> } = {}): string {
  const next = { ...state, ...changes, filters: { ...state.filters, ...changes.filters } };
  const q = new URLSearchParams();
  if (!next.flag) q.set("view", next.view);
  if (!next.flag) q.set("date", next.date);
  if (next.filters.studyId) q.set("studyId", next.filters.studyId);
  if (next.filters.visitStatus) q.set("visitStatus", next.filters.visitStatus);
  if (next.filters.coordinatorId) q.set("coordinatorId", next.filters.coordinatorId);
  if (next.filters.retired) q.set("retired", next.filters.retired);
  if (next.flag) q.set("flag", next.flag);
  if (next.page > 1) q.set("page", String(next.page));
  return q.toString();
}
