import type { Metadata } from "next";
import Link from "next/link";
import { AgendaList } from "@/components/calendar/agenda-list";
import { CalendarGrid, type GridDay } from "@/components/calendar/calendar-grid";
import { CalendarToolbar } from "@/components/calendar/calendar-toolbar";
import { dayOfMonth, longDayLabel, monthLabel, rangeLabel, shortDayLabel, weekdayLabel, zoneName } from "@/components/calendar/labels";
import { VisitChip } from "@/components/calendar/visit-chip";
import { humanize } from "@/components/ui/badge";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar, showRetiredField } from "@/components/ui/list/filter-bar";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { VISIT_STATUSES } from "@/domain/vocabulary";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { siteToday } from "@/lib/dates";
import type { SearchParams } from "@/lib/list/params";
import { can } from "@/lib/policy";
import { listStudyOptions } from "@/lib/studies/options";
import { listSiteStaff } from "@/lib/users/site-staff";
import { AGENDA_PAGE_SIZE, calendarQuery, daysBetween, parseCalendarParams, PER_DAY, rangeFor, type CalendarState } from "@/lib/visits/calendar";
import { calendarTimeZone, listFlaggedVisits, listVisitsInRange, type RangeResult, type VisitRow } from "@/lib/visits/queries";

export const metadata: Metadata = { title: "Visits" };

const FLAG_TITLES = { overdue: "Overdue visits", out_of_window: "Out-of-window visits" } as const;

export default async function VisitsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "visit.read");
  const timeZone = calendarTimeZone(actor);
  const state = parseCalendarParams(await searchParams, timeZone);
  const today = siteToday(timeZone);
  const { from, to } = rangeFor(state.view, state.date);
  const filters = state.filters;

  const [studies, staff, result] = await Promise.all([
    listStudyOptions(actor),
    listSiteStaff(actor),
    state.flag
      ? listFlaggedVisits(actor, { flag: state.flag, page: state.page, filters })
      : state.view === "agenda"
        ? listVisitsInRange(actor, { from, to, filters, page: state.page, pageSize: AGENDA_PAGE_SIZE })
        : listVisitsInRange(actor, { from, to, filters, perDay: PER_DAY[state.view] }),
  ]);

  const title = state.flag
    ? `${FLAG_TITLES[state.flag]} · ${result.total}`
    : state.view === "month"
      ? monthLabel(state.date)
      : rangeLabel(from, to);
  const filtered = Boolean(filters.studyId || filters.visitStatus || filters.coordinatorId || filters.retired);
  const canSchedule = can(actor, "visit.create", { siteId: actor.siteId });
  const empty = (
    <p>
      {state.flag
        ? `No ${state.flag === "overdue" ? "overdue" : "out-of-window"} visits${filtered ? " match these filters" : ""} — nothing to chase.`
        : `No visits between ${rangeLabel(from, to)}${filtered ? " match these filters" : ""}.`}{" "}
      {filtered ? "Clear the filters, move" : "Move"} to another period{canSchedule ? ", or " : "."}
      {canSchedule && (
        <Link href="/visits/new" className="font-medium text-brand-800 underline underline-offset-2">
          schedule a visit
        </Link>
      )}
      {canSchedule && "."}
    </p>
  );

  return (
    <>
      <PageHeader
        title="Visits"
        description={`Times in ${timeZone} (${zoneName(timeZone)})${actor.siteName ? `, ${actor.siteName}'s time zone` : ""}.`}
        actions={
          <div className="flex items-center gap-2">
            <LiveRefresh entities={["visit", "subject"]} />
            <ExportLink href={`/visits/export?${calendarQuery(state)}`} />
            {canSchedule && (
              <Link href="/visits/new" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
                Schedule visit
              </Link>
            )}
          </div>
        }
      />
      <FilterBar
        action="/visits"
        keep={{ view: state.flag ? undefined : state.view, date: state.flag ? undefined : state.date, flag: state.flag }}
        clearHref={`/visits?${calendarQuery({ ...state, filters: {}, page: 1 })}`}
        fields={[
          { kind: "select", name: "studyId", label: "Study", options: studies, value: filters.studyId },
          { kind: "select", name: "visitStatus", label: "Visit status", options: VISIT_STATUSES.map((s) => ({ value: s, label: humanize(s) })), value: filters.visitStatus },
          ...(staff.length
            ? [{ kind: "select" as const, name: "coordinatorId", label: "Coordinator", options: staff.map((s) => ({ value: s.id, label: s.displayName })), value: filters.coordinatorId }]
            : []),
          showRetiredField(filters.retired),
        ]}
      />
      <CalendarToolbar state={state} today={today} title={title} />

      {state.flag || state.view === "agenda" ? (
        <>
          <AgendaList rows={result.rows} timeZone={timeZone} empty={empty} />
          {result.total > 0 && (
            <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(page) => `/visits?${calendarQuery(state, { page })}`} />
          )}
        </>
      ) : (
        <>
          {result.total === 0 && <div className="mb-3 rounded-md border border-dashed border-slate-300 bg-white px-3 py-2 text-sm text-slate-600">{empty}</div>}
          <Grid state={state} from={from} to={to} today={today} timeZone={timeZone} rows={result.rows} dayTotals={"dayTotals" in result ? (result as RangeResult).dayTotals : {}} />
        </>
      )}
      <Legend />
    </>
  );
}

function Grid({
  state,
  from,
  to,
  today,
  timeZone,
  rows,
  dayTotals,
}: {
  state: CalendarState;
  from: string;
  to: string;
  today: string;
  timeZone: string;
  rows: (VisitRow & { localDay?: string })[];
  dayTotals: Record<string, number>;
}) {
  const variant = state.view === "week" ? "week" : "month";
  const byDay = new Map<string, VisitRow[]>();
  for (const row of rows) {
    const day = row.localDay!;
    byDay.set(day, [...(byDay.get(day) ?? []), row]);
  }
  const month = state.date.slice(0, 7);
  const dayHref = (date: string) => `/visits?${calendarQuery(state, { view: "agenda", date, page: 1 })}`;
  const days: GridDay[] = daysBetween(from, to).map((date) => {
    const total = dayTotals[date] ?? 0;
    return {
      date,
      label: `${longDayLabel(date)}${date === today ? " (today)" : ""}, ${total === 0 ? "no visits" : total === 1 ? "1 visit" : `${total} visits`}`,
      heading: variant === "month" ? dayOfMonth(date) : shortDayLabel(date),
      muted: variant === "month" && date.slice(0, 7) !== month,
      today: date === today,
    };
  });
  const cells: Record<string, React.ReactNode> = {};
  for (const [date, visits] of byDay) {
    const more = (dayTotals[date] ?? visits.length) - visits.length;
    cells[date] = (
      <ul className="space-y-1">
        {visits.map((v) => (
          <li key={v.id}>
            <VisitChip visit={v} timeZone={timeZone} compact={variant === "month"} />
          </li>
        ))}
        {more > 0 && (
          <li>
            <Link href={dayHref(date)} className="text-xs font-medium text-brand-800 underline underline-offset-2">
              +{more} more
            </Link>
          </li>
        )}
      </ul>
    );
  }
  return (
    <>
      <CalendarGrid
        key={`${state.view}-${state.date}`}
        caption={variant === "month" ? `Visits in ${monthLabel(state.date)}` : `Visits ${rangeLabel(from, to)}`}
        weekdays={daysBetween(from, to).slice(0, 7).map(weekdayLabel)}
        days={days}
        cells={cells}
        activeDate={state.date}
        viewHref={`/visits?${calendarQuery(state, { date: "__DATE__", page: 1 })}`}
        openHref={`/visits?${calendarQuery(state, { view: "agenda", date: "__DATE__", page: 1 })}`}
        variant={variant}
      />
      <p id="calendar-keys" className="mt-2 text-xs text-slate-600">
        Keyboard: arrow keys move between days (Page Up/Down by month), Enter opens the day, Tab reaches its visits.
      </p>
    </>
  );
}

function Legend() {
  return (
    <p className="mt-3 text-xs text-slate-600">
      <span className="font-semibold text-red-800">Overdue</span>: still scheduled after its time, or after its protocol window closed.{" "}
      <span className="font-semibold text-amber-900">Out of window</span>: scheduled or done outside the protocol window.
    </p>
  );
}
