"use client";

/**
 * The /tasks table: one page of tasks, sorted and filtered on the server, each with what it is
 * about, when it is due (its site's time, overdue marked), its priority, who has it, its status and
 * what this person may do to it.
 */
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { sortableHeader, type Sorts } from "@/components/adverse-events/ae-columns";
import { Badge, humanize } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatInstant } from "@/lib/format";
import { aboutHref, aboutLabel, assigneeLabel } from "@/lib/tasks/labels";
import type { TaskRow, TaskSortKey } from "@/lib/tasks/queries";
import { TaskRowActions, type TaskActions } from "./task-dialogs";
import type { Option } from "./task-fields";
import { PRIORITY_TONE, STATUS_TONE } from "./tones";

export function TaskTable({
  rows,
  sorts,
  actions,
  assignees,
  empty,
}: {
  rows: TaskRow[];
  sorts: Sorts<TaskSortKey>;
  /** Absent for someone who may only read tasks (an admin). */
  actions?: TaskActions;
  assignees: Option[];
  empty: React.ReactNode;
}) {
  const columns: ColumnDef<TaskRow, unknown>[] = [
    {
      id: "title",
      header: sortableHeader(sorts, "title", "Task"),
      cell: ({ row: { original: t } }) => (
        <div className="max-w-sm">
          <p className="font-medium text-slate-900">{t.title}</p>
          {t.details && (
            <p className="line-clamp-2 text-xs text-slate-600" title={t.details}>
              {t.details}
            </p>
          )}
          {t.source === "rule" && <Badge>Automatic</Badge>}
        </div>
      ),
    },
    { id: "subject", header: sortableHeader(sorts, "subject", "About"), cell: ({ row: { original: t } }) => <About task={t} /> },
    {
      id: "dueAt",
      header: sortableHeader(sorts, "dueAt", "Due"),
      cell: ({ row: { original: t } }) => (
        <div className="space-y-1 whitespace-nowrap text-slate-700">
          <p>{formatInstant(t.dueAt, t.timeZone)}</p>
          {t.overdue && <Badge tone="warning">Overdue</Badge>}
        </div>
      ),
    },
    {
      id: "priority",
      header: sortableHeader(sorts, "priority", "Priority"),
      cell: ({ row: { original: t } }) => <Badge tone={PRIORITY_TONE[t.priority]}>{humanize(t.priority)}</Badge>,
    },
    { id: "assignee", header: "Assigned to", cell: ({ row: { original: t } }) => <span className="text-slate-700">{assigneeLabel(t)}</span> },
    {
      id: "status",
      header: "Status",
      cell: ({ row: { original: t } }) => (
        <div className="space-y-0.5">
          <Badge tone={STATUS_TONE[t.status]}>{humanize(t.status)}</Badge>
          {t.closedAt && <p className="whitespace-nowrap text-xs text-slate-600">{formatInstant(t.closedAt, t.timeZone)}{t.closedByName ? ` · ${t.closedByName}` : ""}</p>}
          {t.dismissReason && <p className="max-w-48 text-xs text-slate-600">Reason: {t.dismissReason}</p>}
        </div>
      ),
    },
  ];
  if (actions) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: t } }) => <TaskRowActions task={t} actions={actions} assignees={assignees} />,
    });
  }
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Tasks"
      getRowId={(t) => t.id}
      empty={empty}
      rowClassName={(t) => (t.overdue ? "bg-amber-50/60" : undefined)}
    />
  );
}

function About({ task: t }: { task: TaskRow }) {
  const href = aboutHref(t);
  const label = aboutLabel(t);
  return (
    <div>
      {href ? (
        <Link href={href} className="font-mono text-brand-800 underline-offset-2 hover:underline">
          {label}
        </Link>
      ) : (
        <span className="font-mono">{label}</span>
      )}
      {t.subjectName && <p className="text-xs text-slate-600">{t.subjectName}</p>}
      {t.entity !== "study" && t.protocolId && <p className="text-xs text-slate-500">{t.protocolId}</p>}
    </div>
  );
}
