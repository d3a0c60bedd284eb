"use client";

/**
 * What a person does to tasks, wherever tasks are listed (/tasks, the subject's timeline): make
 * one, edit an open one, dismiss it with a reason — each a dialog form (DialogForm) — and complete
 * or reopen it with one button. The server actions arrive as props; each answers with a notice.
 */
import { DialogForm } from "@/components/timeline/dialog-form";
import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { SelectField } from "@/components/ui/field";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";
import { instantToLocalInput } from "@/lib/dates";
import type { TaskRow } from "@/lib/tasks/queries";
import { TaskFields, type Option } from "./task-fields";

export type TaskAction = (prev: ActionState, data: FormData) => Promise<ActionState>;
type Task = Pick<TaskRow, "id" | "version" | "title" | "details" | "dueAt" | "priority" | "assigneeId" | "assigneeRole" | "timeZone">;

const CONFLICT_FIELDS = [
  { name: "title", label: "Title" },
  { name: "status", label: "Status" },
  { name: "priority", label: "Priority" },
] as const;

export function NewTaskDialog({
  action,
  about,
  assignees,
  defaultAssignee,
  timeZone,
  openLabel = "New task",
  hint,
}: {
  action: TaskAction;
  /** The records it may be about, as "entity:id" choices; the first is the default. */
  about: Option[];
  assignees: Option[];
  defaultAssignee?: string;
  timeZone: string;
  openLabel?: string;
  /** Under the About choice: where to go for a record it does not list. */
  hint?: string;
}) {
  return (
    <DialogForm title="New task" openLabel={openLabel} submitLabel="Create task" action={action} hidden={{}}>
      {(state) => (
        <div className="space-y-3">
          <SelectField
            label="About"
            name="about"
            options={about}
            defaultValue={state.status === "error" ? state.values?.about : about[0]?.value}
            errors={state.fieldErrors?.entity ?? state.fieldErrors?.entityId}
            hint={hint}
            required
          />
          <TaskFields state={state} initial={{ assignee: defaultAssignee }} assignees={assignees} timeZone={timeZone} />
        </div>
      )}
    </DialogForm>
  );
}

export function EditTaskDialog({ task, action, assignees }: { task: Task; action: TaskAction; assignees: Option[] }) {
  const initial = {
    title: task.title,
    details: task.details ?? "",
    dueAt: instantToLocalInput(new Date(task.dueAt), task.timeZone),
    priority: task.priority,
    assignee: task.assigneeId ?? task.assigneeRole ?? "",
  };
  return (
    <DialogForm title="Edit task" openLabel="Edit" openName={`Edit task ${task.title}`} openVariant="secondary" submitLabel="Save task" action={action} hidden={{ id: task.id }}>
      {(state) => (
        <>
          {/* After a conflict, saving again means "on top of their version". */}
          <input type="hidden" name="version" value={typeof state.current?.version === "number" ? state.current.version : task.version} />
          <TaskFields state={state} initial={initial} assignees={assignees} timeZone={task.timeZone} />
          <ConflictNotice current={state.current} fields={CONFLICT_FIELDS} />
        </>
      )}
    </DialogForm>
  );
}

export function DismissTaskDialog({ task, action }: { task: Pick<TaskRow, "id" | "version" | "title">; action: TaskAction }) {
  return (
    <DialogForm
      title="Dismiss task"
      openLabel="Dismiss…"
      openName={`Dismiss task ${task.title}`}
      submitLabel="Dismiss task"
      variant="danger"
      action={action}
      hidden={{ id: task.id, version: task.version }}
      reasonLabel="Why is it no longer needed?"
    >
      <p>“{task.title}” will be closed as dismissed. The reason stays with it, and it can be reopened.</p>
    </DialogForm>
  );
}

/** Complete an open task, or reopen a closed one: one click, the version it was read at. */
export function TaskStatusButton({ task, action, label }: { task: Pick<TaskRow, "id" | "version" | "title">; action: TaskAction; label: "Complete" | "Reopen" }) {
  const [state, formAction, pending] = useNotifyingAction(action);
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <Button type="submit" variant={label === "Complete" ? "primary" : "secondary"} disabled={pending} aria-label={`${label} task ${task.title}`}>
        {pending ? "Saving…" : label}
      </Button>
      {state.status === "error" && (
        <p role="status" className="max-w-56 text-xs font-medium text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

/** The actions a task row offers: open ones are completed, edited or dismissed; closed ones reopened. */
export function TaskRowActions({ task, actions, assignees }: { task: Task & { status: string }; actions: TaskActions; assignees: Option[] }) {
  if (task.status !== "open") return <TaskStatusButton task={task} action={actions.reopen} label="Reopen" />;
  return (
    <div className="flex flex-wrap items-start gap-1.5 print:hidden">
      <TaskStatusButton task={task} action={actions.complete} label="Complete" />
      <EditTaskDialog key={task.version} task={task} action={actions.edit} assignees={assignees} />
      <DismissTaskDialog task={task} action={actions.dismiss} />
    </div>
  );
}

/** The server actions of a task's row (app/(app)/tasks/actions.ts). */
export type TaskActions = { complete: TaskAction; reopen: TaskAction; edit: TaskAction; dismiss: TaskAction };
