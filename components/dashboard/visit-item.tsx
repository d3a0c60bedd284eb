/** A visit on the dashboard: when (site time), who, what, and its status by text and colour. */
import Link from "next/link";
import { humanize } from "@/components/ui/badge";
import { VisitStatusBadge } from "@/components/visits/visit-badges";
import { formatDate, formatInstant } from "@/lib/format";
import type { DashboardVisit } from "@/lib/dashboard/queries";

const timeOnly = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(instant);

export function VisitItem({ visit, timeZone, show }: { visit: DashboardVisit; timeZone: string; show: "time" | "date" | "window" }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5">
      <div className="min-w-0">
        <Link href={`/visits/${visit.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
          {show === "time" ? timeOnly(visit.scheduledAt, timeZone) : formatInstant(visit.scheduledAt, timeZone)}
        </Link>{" "}
        <span className="text-slate-700">· {humanize(visit.visitType)}</span>
        <p className="text-xs text-slate-600">
          <Link href={`/subjects/${visit.subjectRef}`} className="font-mono underline-offset-2 hover:underline">
            {visit.subjectId}
          </Link>{" "}
          {visit.fullName}
          {show === "window" && visit.windowStart && visit.windowEnd
            ? ` · window ${formatDate(visit.windowStart)} – ${formatDate(visit.windowEnd)}`
            : ""}
        </p>
      </div>
      <VisitStatusBadge status={visit.visitStatus} />
    </li>
  );
}
