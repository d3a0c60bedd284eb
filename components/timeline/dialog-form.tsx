"use client";

/**
 * A regulated action (enroll, withdraw) behind a button: a native <dialog> that says what will
 * happen and, where needed, asks for the reason. Escape closes it; focus returns to the button.
 * The dialog is rendered on the first click, not with the page: a record page or a timeline holds
 * several of these, and their forms were most of the page's HTML for something rarely opened.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/action-state";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";

export function DialogForm({
  title,
  openLabel,
  openName,
  submitLabel,
  variant = "primary",
  openVariant,
  action,
  hidden,
  reasonLabel,
  dateField,
  children,
}: {
  title: string;
  openLabel: string;
  /** The opening button's accessible name, where several like it stand on one page ("Retire screening of 3 Mar 2026"). */
  openName?: string;
  submitLabel: string;
  variant?: "primary" | "danger";
  /** The opening button's look, where it differs from what the submit's variant implies (an edit in a table row). */
  openVariant?: "primary" | "secondary";
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  /** When set, a required reason field with this label. */
  reasonLabel?: string;
  /** An optional date field (e.g. the day a subject completed): its name, label and hint. */
  dateField?: { name: string; label: string; hint: string; max: string };
  /** What will happen, in plain words — or the form's own fields, given its state (errors beside them, a refused form's values). */
  children: React.ReactNode | ((state: ActionState) => React.ReactNode);
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState(false);
  const [state, formAction, pending] = useNotifyingAction(action);
  // Open once it exists: on the first click the dialog mounts with this render.
  useEffect(() => {
    if (opened) dialog.current?.showModal();
  }, [opened]);
  useEffect(() => {
    if (state.status === "success") dialog.current?.close();
  }, [state]);
  // Unique on the page: the timeline holds one such dialog per record.
  const id = `${title.toLowerCase().replace(/[^a-z]+/g, "-")}${useId()}`;
  const error = state.fieldErrors?.reason;
  const dateError = dateField ? state.fieldErrors?.[dateField.name] : undefined;
  return (
    <>
      <Button type="button" variant={openVariant ?? (variant === "danger" ? "secondary" : "primary")} aria-label={openName} onClick={() => (opened ? dialog.current?.showModal() : setOpened(true))}>
        {openLabel}
      </Button>
      {opened && (
        <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
          <form action={formAction} className="space-y-3 p-5" noValidate>
            <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            <div className="space-y-2 text-sm text-slate-700">{typeof children === "function" ? children(state) : children}</div>
            {Object.entries(hidden).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {dateField && (
              <div className="space-y-1">
                <label htmlFor={`${id}-${dateField.name}`} className="block text-sm font-medium text-slate-700">
                  {dateField.label}
                </label>
                <p id={`${id}-${dateField.name}-hint`} className="text-xs text-slate-600">
                  {dateField.hint}
                </p>
                <input
                  id={`${id}-${dateField.name}`}
                  type="date"
                  name={dateField.name}
                  max={dateField.max}
                  defaultValue={state.values?.[dateField.name] ?? dateField.max}
                  aria-invalid={dateError ? true : undefined}
                  aria-describedby={`${id}-${dateField.name}-hint ${id}-${dateField.name}-error`}
                  className="block rounded-md border border-slate-300 px-2.5 py-1.5 text-sm aria-[invalid=true]:border-red-600"
                />
                <p id={`${id}-${dateField.name}-error`} aria-live="polite" className="text-xs font-medium text-red-700">
                  {dateError?.join(" ")}
                </p>
              </div>
            )}
            {reasonLabel && (
              <div className="space-y-1">
                <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-700">
                  {reasonLabel}
                </label>
                <textarea
                  id={`${id}-reason`}
                  name="reason"
                  rows={3}
                  required
                  defaultValue={state.values?.reason}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`${id}-reason-error`}
                  className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm aria-[invalid=true]:border-red-600"
                />
                <p id={`${id}-reason-error`} aria-live="polite" className="text-xs font-medium text-red-700">
                  {error?.join(" ")}
                </p>
              </div>
            )}
            {state.status === "error" && <FormMessage state={state} />}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
                Cancel
              </Button>
              <Button type="submit" variant={variant} disabled={pending}>
                {pending ? "Working…" : submitLabel}
              </Button>
            </div>
          </form>
        </dialog>
      )}
    </>
  );
}
