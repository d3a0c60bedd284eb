"use client";

/** Add a note (inline, at the top of the timeline) and edit one's own note (with a reason). */
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { humanize } from "@/components/ui/badge";
import { NOTE_TYPES } from "@/domain/vocabulary";
import type { ActionState } from "@/lib/action-state";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;
const NOTE_TYPE_OPTIONS = NOTE_TYPES.map((t) => ({ value: t, label: humanize(t) }));

export function AddNoteForm({ subjectId, action }: { subjectId: string; action: Action }) {
  const [state, formAction, pending] = useNotifyingAction(action);
  // A saved note clears the form; a refused one keeps what was typed.
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} aria-label="Add note" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 print:hidden" noValidate>
      <h2 className="text-sm font-semibold text-slate-800">Add note</h2>
      {state.status === "error" && <FormMessage state={state} />}
      <input type="hidden" name="subjectId" value={subjectId} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <SelectField label="Note type" name="noteType" options={NOTE_TYPE_OPTIONS} defaultValue={v.noteType ?? "general"} errors={e.noteType} />
        <TextAreaField name="noteText" label="Note text" rows={2} defaultValue={v.noteText} errors={e.noteText} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Add note"}
      </Button>
    </form>
  );
}

export function EditNoteForm({
  note,
  action,
}: {
  note: { id: string; version: number; noteType: string; noteText: string };
  action: Action;
}) {
  const [state, formAction, pending] = useNotifyingAction(action);
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const e = state.fieldErrors ?? {};
  const version = typeof state.current?.version === "number" ? state.current.version : note.version;
  const current = state.current;
  return (
    <details className="mt-2 print:hidden" key={note.version}>
      <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">Edit note</summary>
      <form action={formAction} aria-label="Edit note" className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" noValidate>
        {state.status === "error" && <FormMessage state={state} />}
        {current && typeof current.noteText === "string" && (
          <p className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950">
            Newer text saved meanwhile: “{current.noteText}”
          </p>
        )}
        <input type="hidden" name="id" value={note.id} />
        <input type="hidden" name="version" value={version} />
        <div className="space-y-1">
          <label htmlFor={`note-type-${note.id}`} className="block text-sm font-medium text-slate-700">
            Note type
          </label>
          <select
            id={`note-type-${note.id}`}
            name="noteType"
            defaultValue={v.noteType ?? note.noteType}
            className="block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm"
          >
            {NOTE_TYPE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <TextAreaField name="noteText" label="Note text" rows={3} defaultValue={v.noteText ?? note.noteText} errors={e.noteText} />
        <TextAreaField name="reason" label="Reason for change" rows={1} defaultValue={v.reason} errors={e.reason} />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save note"}
        </Button>
      </form>
    </details>
  );
}
