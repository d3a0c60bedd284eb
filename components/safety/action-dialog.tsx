"use client";

/**
 * A regulated action behind a button (assess, sign, sponsor notified): a native <dialog> that says
 * what will happen, keeps what was typed when refused (except a password), shows each message
 * beside its field, and closes with a page notice on success. Escape closes; focus returns.
 */
import { startTransition, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FormMessage } from "@/components/ui/form-message";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";

export function ActionDialog({
  title,
  openLabel,
  submitLabel,
  action,
  hidden,
  variant = "primary",
  conflictFields = [],
  children,
}: {
  title: string;
  openLabel: string;
  submitLabel: string;
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  variant?: "primary" | "secondary";
  /** On a 409, which of the newer record's fields to show. */
  conflictFields?: readonly { name: string; label: string }[];
  /** The fields and the words that say what will happen, given the last refusal's state. */
  children: (state: ActionState) => React.ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useNotifyingAction(action);
  useEffect(() => {
    if (state.status === "success") dialog.current?.close();
  }, [state]);
  const titleId = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${String(hidden.id ?? hidden.screeningId ?? "")}`;
  return (
    <>
      <Button type="button" variant={variant} className="whitespace-nowrap !px-2 !py-1 text-xs" onClick={() => dialog.current?.showModal()}>
        {openLabel}
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
        {/* Submitted by hand: React resets a form after action={…}, which would wipe a refused form. */}
        <form
          className="space-y-3 p-5"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            startTransition(() => formAction(data));
          }}
        >
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {Object.entries(hidden).map(([name, value]) => (
            // After a conflict, acting again means "on top of their version".
            <input key={name} type="hidden" name={name} value={name === "version" && typeof state.current?.version === "number" ? state.current.version : value} />
          ))}
          {children(state)}
          {state.status === "error" && <FormMessage state={state} />}
          <ConflictNotice current={state.current} fields={conflictFields} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : submitLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
