import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { humanize } from "@/components/ui/badge";
import { RetireDialog } from "@/components/records/retire-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { VisitActions } from "@/components/visits/visit-actions";
import { VisitFlagBadges, VisitStatusBadge } from "@/components/visits/visit-badges";
import { VisitHistory } from "@/components/visits/visit-history";
import { requireActor } from "@/lib/auth/actor";
import { instantToLocalInput, localDate } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatInstant } from "@/lib/format";
import { can } from "@/lib/policy";
import { getVisit, listVisitHistory } from "@/lib/visits/queries";
import { cancelAction, completeAction, missAction, rescheduleAction, retireVisitAction } from "./actions";

export const metadata: Metadata = { title: "Visit" };

export default async function VisitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const now = new Date();
  const [visit, history] = await Promise.all([getVisit(actor, id, now), listVisitHistory(actor, id)]).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // The visit's own site zone: that is where it happens, whoever looks.
  const tz = visit.siteTimezone;
  const window =
    visit.windowStart || visit.windowEnd
      ? `${visit.windowStart ? formatDate(visit.windowStart) : "…"} – ${visit.windowEnd ? formatDate(visit.windowEnd) : "…"}`
      : "None (not a protocol visit)";
  const facts: [string, React.ReactNode][] = [
    [
      "Subject",
      <Link key="s" href={`/subjects/${visit.subjectRef}`} className="font-medium text-brand-800 underline underline-offset-2">
        {visit.subjectCode}
        {visit.subjectName ? ` · ${visit.subjectName}` : ""}
      </Link>,
    ],
    ["Study", visit.protocolId],
    ["Visit type", humanize(visit.visitType)],
    ["Protocol visit", visit.scheduleItemName ?? "—"],
    ["Scheduled at", formatInstant(visit.scheduledAt, tz)],
    [
      "Visit status",
      <span key="st" className="flex flex-wrap gap-1">
        <VisitStatusBadge status={visit.visitStatus} />
        <VisitFlagBadges visit={visit} />
      </span>,
    ],
    ["Window", window],
    ["Location", visit.location ?? "—"],
    ["Coordinator", visit.coordinatorName],
    ["Completed at", visit.completedAt ? formatInstant(visit.completedAt, tz) : "—"],
  ];
  if (visit.statusReason) facts.push([visit.visitStatus === "canceled" ? "Reason canceled" : "Reason missed", visit.statusReason]);
  const mayChange = visit.visitStatus === "scheduled" && can(actor, "visit.update", { siteId: visit.siteId, studyId: visit.studyId });

  return (
    <>
      <PageHeader
        title={`${humanize(visit.visitType)} visit · ${visit.subjectCode}`}
        description={`Times are ${tz} site time.`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href={`/visits?view=week&date=${localDate(visit.scheduledAt, tz)}`} className="text-sm text-slate-700 underline underline-offset-2">
              Show in the calendar
            </Link>
            {can(actor, "visit.retire", { siteId: visit.siteId, studyId: visit.studyId }) && (
              <RetireDialog noun="visit" record={visit} action={retireVisitAction} />
            )}
          </div>
        }
      />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="space-y-5">
          <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                <dd className="mt-0.5 text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          <VisitHistory entries={history} timeZone={tz} />
        </div>
        {mayChange ? (
          <VisitActions
            actions={{ reschedule: rescheduleAction, complete: completeAction, miss: missAction, cancel: cancelAction }}
            visit={{ id: visit.id, version: visit.version, subjectCode: visit.subjectCode }}
            scheduledLocal={instantToLocalInput(visit.scheduledAt, tz)}
            nowLocal={instantToLocalInput(now, tz)}
            timePassed={visit.scheduledAt.getTime() <= now.getTime()}
            timeZone={tz}
          />
        ) : (
          <p className="self-start rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
            {visit.visitStatus === "scheduled"
              ? "You can view this visit but not change it."
              : `This visit is ${visit.visitStatus}; its record is final. Schedule a new visit if another is needed.`}
          </p>
        )}
      </div>
    </>
  );
}
