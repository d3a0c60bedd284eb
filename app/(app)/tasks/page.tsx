import type { Metadata } from "next";
import Link from "next/link";
import { LiveRefresh } from "@/components/live/live-refresh";
import { NewTaskDialog } from "@/components/tasks/task-dialogs";
import { TaskTable } from "@/components/tasks/task-table";
import { TaskTabs } from "@/components/tasks/task-tabs";
import { humanize } from "@/components/ui/badge";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar, type FilterField } from "@/components/ui/list/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TASK_PRIORITIES } from "@/domain/vocabulary";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { first, listHref, parseList, type SearchParams } from "@/lib/list/params";
import { sortHrefs } from "@/lib/list/sort-hrefs";
import { can } from "@/lib/policy";
import { listStudyOptions } from "@/lib/studies/options";
import { assigneeChoices } from "@/lib/tasks/labels";
import { countTaskViews, listTasks, TASK_SORTABLE, TASK_STATUS_FILTERS, TASK_VIEWS, taskListSpec, viewOf } from "@/lib/tasks/queries";
import { listSiteStaff } from "@/lib/users/site-staff";
import { listSchedulableSubjects } from "@/lib/visits/queries";
import { completeTaskAction, createTaskAction, dismissTaskAction, editTaskAction, reopenTaskAction } from "./actions";

export const metadata: Metadata = { title: "Tasks" };

const PATH = "/tasks";
const ACTIONS = { complete: completeTaskAction, reopen: reopenTaskAction, edit: editTaskAction, dismiss: dismissTaskAction };
const option = (value: string) => ({ value, label: humanize(value) });

export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "task.read");
  const params = await searchParams;
  const state = parseList(params, taskListSpec);
  const view = viewOf(actor, state.filters);
  const mayWrite = can(actor, "task.create", { siteId: actor.siteId });
  const now = new Date();
  // Five queries whatever the data: the page and its count, the tabs' counts, the studies, and for staff the form's people and subjects.
  const [page, counts, studies, staff, subjects] = await Promise.all([
    listTasks(actor, state, now),
    countTaskViews(actor, now),
    listStudyOptions(actor),
    mayWrite ? listSiteStaff(actor) : Promise.resolve([]),
    mayWrite ? listSchedulableSubjects(actor) : Promise.resolve({ options: [], more: false }),
  ]);
  const f = state.filters;
  const timeZone = actor.siteTimezone ?? "UTC";
  const assignees = assigneeChoices(staff);
  const filtered = Boolean(f.status || f.priority || f.studyId || f.q);
  const hrefs = Object.fromEntries(
    TASK_VIEWS.filter((v) => v !== "mine" || actor.siteId).map((v) => [v, listHref(PATH, params, { view: v, status: undefined })]),
  );
  const fields: FilterField[] = [
    ...(view === "mine" || view === "site" ? [
          {
            kind: "select" as const,
            name: "status",
            label: "Status",
            blankLabel: "Open",
            options: TASK_STATUS_FILTERS.filter((s) => s !== "open").map((s) => (s === "all" ? { value: s, label: "Any status" } : option(s))),
            value: f.status === "open" ? undefined : f.status,
          },
        ] : []),
    { kind: "select", name: "priority", label: "Priority", options: TASK_PRIORITIES.map(option), value: f.priority },
    { kind: "select", name: "studyId", label: "Study", options: studies.map((s) => ({ value: s.value, label: s.protocolId })), value: f.studyId },
    { kind: "search", name: "q", label: "Search", placeholder: "Title or subject ID", value: f.q },
  ];
  const about = [
    ...studies.map((s) => ({ value: `study:${s.value}`, label: `Study ${s.protocolId}` })),
    ...subjects.options.map((s) => ({ value: `subject:${s.id}`, label: `Subject ${s.label}` })),
  ];

  return (
    <>
      <PageHeader
        title="Tasks"
        description={
          actor.siteTimezone
            ? `Follow-up for ${actor.siteName ?? "your site"}: yours and your role's, the site's, what is overdue and what is due this week. Times are site time (${timeZone}).`
            : "Follow-up tasks of every site, in each site's own time."
        }
        actions={
          <div className="flex items-center gap-2">
            <LiveRefresh entities={["task"]} />
            <ExportLink href={listHref(`${PATH}/export`, params, { page: undefined })} />
            {mayWrite && (
              <NewTaskDialog
                action={createTaskAction}
                about={about}
                assignees={assignees}
                defaultAssignee={actor.id}
                timeZone={timeZone}
                hint="A task about a visit, an adverse event or a screening is added from the subject's timeline."
              />
            )}
          </div>
        }
      />
      <TaskTabs current={view} counts={counts} hrefs={hrefs} siteLabel={actor.siteId ? "My site" : "All sites"} />
      <FilterBar action={PATH} keep={{ view, sort: first(params.sort) }} clearHref={filtered ? listHref(PATH, {}, { view }) : undefined} fields={fields} />
      <p className="sr-only" aria-live="polite">
        {view === "mine" || view === "site" ? `Showing ${f.status === "all" ? "all" : (f.status ?? "open")} tasks.` : "Showing open tasks."}
      </p>
      <TaskTable
        rows={page.rows}
        sorts={sortHrefs(PATH, params, state.sort, TASK_SORTABLE, { priority: "desc", createdAt: "desc" })}
        actions={mayWrite ? ACTIONS : undefined}
        assignees={assignees}
        empty={
          filtered ? (
            <>
              No tasks match these filters.{" "}
              <Link href={listHref(PATH, {}, { view })} className="text-brand-700 underline underline-offset-2">
                Clear the filters
              </Link>
              .
            </>
          ) : view === "overdue" ? (
            "Nothing overdue."
          ) : view === "week" ? (
            "Nothing is due this week."
          ) : (
            "No open tasks here."
          )
        }
      />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={(p) => listHref(PATH, params, { page: p })} />
    </>
  );
}
