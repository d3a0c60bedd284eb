/** An open task on the dashboard: its title, when it is due (site time), what it is about and who has it; overdue ones marked by word and colour. */
import Link from "next/link";
import { Badge, humanize } from "@/components/ui/badge";
import { PRIORITY_TONE } from "@/components/tasks/tones";
import type { DashboardTask } from "@/lib/dashboard/queries";
import { formatInstant } from "@/lib/format";
import { aboutHref, aboutLabel, assigneeLabel } from "@/lib/tasks/labels";

export function TaskItem({ task: t, timeZone }: { task: DashboardTask; timeZone: string }) {
  const href = aboutHref(t);
  return (
    <li className={`flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5 ${t.overdue ? "-mx-2 rounded bg-amber-50 px-2" : ""}`}>
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{t.title}</p>
        <p className="text-xs text-slate-600">
          Due {formatInstant(t.dueAt, timeZone)} ·{" "}
          {href ? (
            <Link href={href} className="font-mono underline-offset-2 hover:underline">
              {aboutLabel(t)}
            </Link>
          ) : (
            aboutLabel(t)
          )}{" "}
          · {t.mine ? "for you" : assigneeLabel(t)}
        </p>
      </div>
      <span className="flex gap-1">
        {t.overdue && <Badge tone="warning">Overdue</Badge>}
        <Badge tone={PRIORITY_TONE[t.priority]}>{humanize(t.priority)}</Badge>
      </span>
    </li>
  );
}
