/**
 * The subject timeline's "Open tasks": what is still to do about the subject and its records, by due
 * time (overdue marked), with Add task, and Complete / Edit / Dismiss on each for site staff. Closed
 * tasks join the timeline itself (ClosedTask).
 */
import { Badge, humanize } from "@/components/ui/badge";
import { formatInstant } from "@/lib/format";
import { assigneeLabel, ENTITY_LABEL } from "@/lib/tasks/labels";
import type { TaskRow } from "@/lib/tasks/queries";
import { NewTaskDialog, TaskRowActions, type TaskAction, type TaskActions } from "./task-dialogs";
import type { Option } from "./task-fields";
import { PRIORITY_TONE } from "./tones";

export function OpenTasks({
  tasks,
  timeZone,
  write,
}: {
  tasks: TaskRow[];
  timeZone: string;
  /** For site staff: the actions, who may be assigned, what a new task may be about. */
  write?: { actions: TaskActions & { create: TaskAction }; assignees: Option[]; about: Option[]; defaultAssignee: string };
}) {
  return (
    <section aria-labelledby="open-tasks-heading" className="mb-5 rounded-lg border border-slate-200 bg-white px-5 py-3 print:hidden">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="open-tasks-heading" className="text-sm font-semibold text-slate-800">
          Open tasks <span className="tabular-nums text-slate-600">({tasks.length})</span>
        </h2>
        {write && (
          <NewTaskDialog
            action={write.actions.create}
            about={write.about}
            assignees={write.assignees}
            defaultAssignee={write.defaultAssignee}
            timeZone={timeZone}
            openLabel="Add task"
          />
        )}
      </div>
      {tasks.length === 0 ? (
        <p className="py-2 text-sm text-slate-600">Nothing to follow up.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Open tasks">
          {tasks.map((t) => (
            <li key={t.id} className="flex flex-wrap items-start justify-between gap-3 py-2">
              <div className="min-w-0 space-y-0.5">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  {t.title}
                  <Badge tone={PRIORITY_TONE[t.priority]}>{humanize(t.priority)}</Badge>
                  {t.overdue && <Badge tone="warning">Overdue</Badge>}
                  {t.source === "rule" && <Badge>Automatic</Badge>}
                </p>
                <p className="text-xs text-slate-600">
                  Due {formatInstant(t.dueAt, timeZone)} · {assigneeLabel(t)} · about the {ENTITY_LABEL[t.entity].toLowerCase()}
                </p>
                {t.details && <p className="whitespace-pre-line text-sm text-slate-700">{t.details}</p>}
              </div>
              {write && <TaskRowActions task={t} actions={write.actions} assignees={write.assignees} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
