/** An AE on the dashboard: term, subject, and either its status or its 24-hour sponsor clock. */
import Link from "next/link";
import { ClockBadge } from "@/components/adverse-events/sponsor-clock";
import { SEVERITY_TONE, STATUS_TONE } from "@/components/adverse-events/tones";
import { Badge, humanize } from "@/components/ui/badge";
import { sponsorDeadline } from "@/lib/adverse-events/clock";
import { formatInstant } from "@/lib/format";
import type { DashboardAe } from "@/lib/dashboard/queries";

export function AeItem({ ae, timeZone, now, clock }: { ae: DashboardAe; timeZone: string; now: string; clock?: boolean }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5">
      <div className="min-w-0">
        <Link href={`/adverse-events/${ae.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
          {ae.eventTerm}
        </Link>
        <p className="text-xs text-slate-600">
          <Link href={`/subjects/${ae.subjectRef}`} className="font-mono underline-offset-2 hover:underline">
            {ae.subjectId}
          </Link>{" "}
          {ae.fullName}
          {clock ? ` · deadline ${formatInstant(sponsorDeadline(ae.awareAt), timeZone)}` : ""}
        </p>
      </div>
      <span className="flex flex-wrap gap-1">
        {clock ? (
          <ClockBadge ae={ae} now={now} />
        ) : (
          <>
            {ae.serious && <Badge tone="danger">Serious</Badge>}
            <Badge tone={SEVERITY_TONE[ae.severity]}>{humanize(ae.severity)}</Badge>
            <Badge tone={STATUS_TONE[ae.status]}>{humanize(ae.status)}</Badge>
          </>
        )}
      </span>
    </li>
  );
}
