/** The task list's tabs — Mine · My site · Overdue · Due this week — as links (the tab is in the URL), each with its open tasks' count. */
import Link from "next/link";
import type { TaskView } from "@/lib/tasks/queries";

const LABELS: Record<TaskView, string> = { mine: "Mine", site: "My site", overdue: "Overdue", week: "Due this week" };

export function TaskTabs({
  current,
  counts,
  hrefs,
  siteLabel = LABELS.site,
}: {
  current: TaskView;
  counts: Record<TaskView, number>;
  /** Each tab's link, in order (someone without a site has no "Mine"). */
  hrefs: Partial<Record<TaskView, string>>;
  /** "All sites" for someone who reads every site's tasks. */
  siteLabel?: string;
}) {
  const views = (Object.keys(LABELS) as TaskView[]).filter((view) => hrefs[view]);
  return (
    <nav aria-label="Task views" className="mb-3 flex flex-wrap gap-1">
      {views.map((view) => (
        <Link
          key={view}
          href={hrefs[view]!}
          aria-current={current === view ? "page" : undefined}
          className={`inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium ${current === view ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {view === "site" ? siteLabel : LABELS[view]}
          <span className={`rounded-full px-1.5 text-xs tabular-nums ${current === view ? "bg-white/20" : view === "overdue" && counts.overdue > 0 ? "bg-amber-100 text-amber-900" : "bg-slate-100"}`}>
            {counts[view]}
          </span>
        </Link>
      ))}
    </nav>
  );
}
