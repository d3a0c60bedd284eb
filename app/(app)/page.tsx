import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AeItem } from "@/components/dashboard/ae-item";
import { TaskItem } from "@/components/dashboard/task-item";
import { CardList, DashboardCard } from "@/components/dashboard/card";
import { VisitItem } from "@/components/dashboard/visit-item";
import { SCREENING_TONE } from "@/components/screening/screening-badge";
import { Badge, humanize } from "@/components/ui/badge";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { getCoordinatorDashboard } from "@/lib/dashboard/queries";
import { formatDate } from "@/lib/format";
import { HOME_BY_ROLE, can } from "@/lib/policy";

export const metadata: Metadata = { title: "Dashboard" };

const SCREENING_ORDER = ["pending", "rescreen", "passed", "failed"] as const;

export default async function DashboardPage() {
  const actor = await requireActor();
  // The dashboard is the coordinator's home; investigators open it from the menu, others go home.
  if (!can(actor, "visit.create", { siteId: actor.siteId })) redirect(HOME_BY_ROLE[actor.role]);
  const d = await getCoordinatorDashboard(actor);
  const tz = d.timeZone;
  const now = d.now.toISOString();
  const more = (card: { total: number; rows: unknown[] }) => card.total - card.rows.length;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${actor.siteName ?? "Your site"} · ${formatDate(d.today)} · times in ${tz}`}
        actions={<LiveRefresh entities={["visit", "screening", "adverse_event", "subject", "task"]} />}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 xl:grid-cols-3">
        <DashboardCard title="Open tasks" total={d.tasks.total} href="/tasks" linkLabel="All my tasks" tone={d.tasks.overdue ? "attention" : "neutral"}>
          <p className="flex gap-3 pb-1 text-xs">
            <Link href="/tasks" className="text-brand-800 underline underline-offset-2">
              {d.tasks.mine} mine
            </Link>
            <Link href="/tasks?view=overdue" className="text-brand-800 underline underline-offset-2">
              {d.tasks.overdue} overdue
            </Link>
          </p>
          <CardList empty="No open tasks at your site." more={more(d.tasks)}>
            {d.tasks.rows.map((t) => (
              <TaskItem key={t.id} task={t} timeZone={tz} />
            ))}
          </CardList>
        </DashboardCard>

        <DashboardCard title="Today's visits" total={d.todayVisits.total} href={`/visits?view=agenda&date=${d.today}`} linkLabel="Open agenda">
          <CardList empty="No visits booked today." more={more(d.todayVisits)}>
            {d.todayVisits.rows.map((v) => (
              <VisitItem key={v.id} visit={v} timeZone={tz} show="time" />
            ))}
          </CardList>
        </DashboardCard>

        <DashboardCard title="Overdue visits" total={d.overdue.total} href="/visits?flag=overdue" linkLabel="All overdue" tone="attention">
          <CardList empty="Nothing overdue: every past visit has been completed, missed or canceled." more={more(d.overdue)}>
            {d.overdue.rows.map((v) => (
              <VisitItem key={v.id} visit={v} timeZone={tz} show="date" />
            ))}
          </CardList>
        </DashboardCard>

        <DashboardCard
          title="Out-of-window visits"
          total={d.outOfWindow.total}
          href="/visits?flag=out_of_window&visitStatus=scheduled"
          linkLabel="All booked out of window"
          tone="attention"
        >
          <p className="pb-1 text-xs text-slate-600">
            Booked outside their protocol window: reschedule or document.{" "}
            <Link href="/visits?flag=out_of_window" className="text-brand-800 underline underline-offset-2">
              Include completed
            </Link>
          </p>
          <CardList empty="Every booked visit is inside its protocol window." more={more(d.outOfWindow)}>
            {d.outOfWindow.rows.map((v) => (
              <VisitItem key={v.id} visit={v} timeZone={tz} show="window" />
            ))}
          </CardList>
        </DashboardCard>

        <DashboardCard title="Screening queue" href="/screening" linkLabel="Open queue">
          <ul className="grid grid-cols-2 gap-2 py-1" aria-label="Subjects by screening status">
            {SCREENING_ORDER.map((status) => (
              <li key={status}>
                <Link
                  href={`/screening?screeningStatus=${status}`}
                  className="flex items-center justify-between rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50"
                  aria-label={`${d.screening[status]} ${humanize(status)}`}
                >
                  <Badge tone={SCREENING_TONE[status]}>{humanize(status)}</Badge>
                  <span className="text-lg font-semibold tabular-nums text-slate-900">{d.screening[status]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </DashboardCard>

        <DashboardCard title="Open AEs" total={d.openAes.total} href="/adverse-events?status=open" linkLabel="All open">
          <p className="flex gap-3 pb-1 text-xs">
            <Link href="/adverse-events?status=open" className="text-brand-800 underline underline-offset-2">
              {d.openAes.openTotal} open
            </Link>
            <Link href="/adverse-events?status=follow_up" className="text-brand-800 underline underline-offset-2">
              {d.openAes.total - d.openAes.openTotal} in follow-up
            </Link>
          </p>
          <CardList empty="No open adverse events." more={more(d.openAes)}>
            {d.openAes.rows.map((ae) => (
              <AeItem key={ae.id} ae={ae} timeZone={tz} now={now} />
            ))}
          </CardList>
        </DashboardCard>

        <DashboardCard
          title="Serious AEs: sponsor clocks"
          total={d.seriousClocks.total}
          href="/adverse-events?serious=true"
          linkLabel="All serious AEs"
          tone="attention"
        >
          <CardList empty="No serious AE is waiting for sponsor notification." more={more(d.seriousClocks)}>
            {d.seriousClocks.rows.map((ae) => (
              <AeItem key={ae.id} ae={ae} timeZone={tz} now={now} clock />
            ))}
          </CardList>
        </DashboardCard>
      </div>
    </>
  );
}
