"use client";

/**
 * Revoking is final, so it asks first, in a native <dialog> that says what will happen. Escape
 * closes it; focus returns to the button. Success closes it with a page notice.
 */
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";

export function RevokeTokenDialog({
  token,
  action,
}: {
  token: { id: string; name: string; prefix: string };
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useNotifyingAction(action);
  const id = useId();
  useEffect(() => {
    if (state.status === "success") dialog.current?.close();
  }, [state]);
  return (
    <>
      <Button
        type="button"
        variant="danger-secondary"
        className="!px-2 !py-1 text-xs"
        aria-label={`Revoke ${token.name}`}
        onClick={() => dialog.current?.showModal()}
      >
        Revoke
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
        className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} className="space-y-3 p-5" noValidate>
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            Revoke the token “{token.name}”?
          </h2>
          <div id={`${id}-what`} className="space-y-2 text-sm text-slate-700">
            <p>
              The token starting <code className="font-mono">{token.prefix}…</code> stops working at once: every script or
              integration that uses it gets “401 Unauthenticated” from its next request on.
            </p>
            <p>This cannot be undone. To reconnect them, create a new token and give it to them.</p>
          </div>
          <input type="hidden" name="id" value={token.id} />
          {state.status === "error" && <FormMessage state={state} />}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Revoking…" : "Revoke token"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
