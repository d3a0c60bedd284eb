"use client";

/**
 * How each notification category reaches the person: one radio group per category. A category
 * locked for their role is shown with its delivery and the reason, its radios disabled (the server
 * refuses a change anyway). Saved together; a refused form keeps what was chosen.
 */
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";
import type { Delivery } from "@/domain/vocabulary";

export type PreferenceRow = { category: string; label: string; hint: string; delivery: Delivery; locked: string | null };

const CHOICES: { value: Delivery; label: string; hint: string }[] = [
  { value: "in_app", label: "In TrialDesk only", hint: "The bell and your inbox." },
  { value: "email", label: "In TrialDesk and by email", hint: "An email at once, with a link." },
  { value: "digest", label: "Daily digest", hint: "In TrialDesk, and one email a day at 07:00 your site's time." },
];

function CategoryGroup({ row, chosen, errors }: { row: PreferenceRow; chosen: string; errors?: string[] }) {
  const id = useId();
  const describedBy = [`${id}-hint`, row.locked && `${id}-locked`, errors?.length && `${id}-error`].filter(Boolean).join(" ");
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4" aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined}>
      <legend className="px-1 text-sm font-semibold text-slate-900">{row.label}</legend>
      <p id={`${id}-hint`} className="mb-3 text-xs text-slate-600">
        {row.hint}
      </p>
      <div className="grid gap-2 sm:grid-cols-3">
        {CHOICES.map((choice) => (
          <label
            key={choice.value}
            className={`flex gap-2 rounded-md border px-3 py-2 text-sm ${row.locked ? "border-slate-200 bg-slate-50 text-slate-500" : "border-slate-300 hover:bg-slate-50"}`}
          >
            <input
              type="radio"
              name={row.category}
              value={choice.value}
              defaultChecked={chosen === choice.value}
              disabled={row.locked !== null}
              className="mt-0.5"
            />
            <span>
              <span className="block font-medium text-slate-800">{choice.label}</span>
              <span className="block text-xs text-slate-600">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {row.locked && (
        <p id={`${id}-locked`} className="mt-2 text-xs font-medium text-slate-700">
          Cannot be changed: {row.locked}
        </p>
      )}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-xs font-medium text-red-700">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}

export function NotificationPreferencesForm({
  rows,
  action,
}: {
  rows: PreferenceRow[];
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useNotifyingAction(action);
  return (
    <form action={formAction} className="space-y-3" aria-label="Notification settings" noValidate>
      {rows.map((row) => (
        <CategoryGroup key={row.category} row={row} chosen={state.values?.[row.category] ?? row.delivery} errors={state.fieldErrors?.[row.category]} />
      ))}
      {state.status === "error" && <FormMessage state={state} />}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save notification settings"}
      </Button>
    </form>
  );
}
