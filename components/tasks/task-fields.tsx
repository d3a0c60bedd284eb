"use client";

/**
 * A task's fields, for the new-task and edit forms: title, details, due time (site time), priority
 * and who does it — one of the site's active staff, or a role there. Each with its label and its
 * error beside it; a refused form keeps what was typed.
 */
import { humanize } from "@/components/ui/badge";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { TASK_PRIORITIES } from "@/domain/vocabulary";
import type { ActionState } from "@/lib/action-state";
import { TASK_DETAILS_MAX, TASK_TITLE_MAX } from "@/lib/validation/task";

export type Option = { value: string; label: string };
/** What the edit form starts from; the new-task form starts blank (due and assignee as given). */
export type TaskValues = { title?: string; details?: string; dueAt?: string; priority?: string; assignee?: string };

const PRIORITY_OPTIONS = TASK_PRIORITIES.map((p) => ({ value: p, label: humanize(p) }));

export function TaskFields({ state, initial, assignees, timeZone }: { state: ActionState; initial: TaskValues; assignees: Option[]; timeZone: string }) {
  const v = state.status === "error" ? { ...initial, ...state.values } : initial;
  const e = state.fieldErrors ?? {};
  return (
    <div className="space-y-3">
      <TextField label="Title" name="title" defaultValue={v.title} errors={e.title} maxLength={TASK_TITLE_MAX} required />
      <TextAreaField label="Details" name="details" rows={2} defaultValue={v.details} errors={e.details} maxLength={TASK_DETAILS_MAX} hint="Optional." />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label="Due" name="dueAt" type="datetime-local" defaultValue={v.dueAt} errors={e.dueAt} hint={`Site time (${timeZone}).`} required />
        <SelectField label="Priority" name="priority" options={PRIORITY_OPTIONS} defaultValue={v.priority ?? "normal"} errors={e.priority} />
      </div>
      <SelectField label="Assigned to" name="assignee" options={assignees} defaultValue={v.assignee} errors={e.assigneeId ?? e.assigneeRole ?? e.assignee} required />
    </div>
  );
}
