"use client";

/**
 * The person's calendar subscription: its secret URL with a Copy button and a link that opens it in
 * a calendar app (webcal://), "Regenerate" (a new URL; the old one stops working) and "Revoke", each
 * confirmed in a native <dialog> first. Without a feed, one button makes it.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

function ConfirmDialog({ label, title, text, confirm, variant, action }: { label: string; title: string; text: string; confirm: string; variant: "secondary" | "danger-secondary"; action: Action }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useNotifyingAction(action);
  const id = useId();
  useEffect(() => {
    if (state.status === "success") dialog.current?.close();
  }, [state]);
  return (
    <>
      <Button type="button" variant={variant} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction} className="space-y-3 p-5">
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <p id={`${id}-text`} className="text-sm text-slate-700">
            {text}
          </p>
          {state.status === "error" && <FormMessage state={state} />}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={variant === "danger-secondary" ? "danger" : "primary"} disabled={pending}>
              {pending ? "Working…" : confirm}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

export function CalendarFeedPanel({ url, created, regenerate, revoke }: { url: string | null; created: string | null; regenerate: Action; revoke: Action }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const [createState, createAction, creating] = useNotifyingAction(regenerate);

  if (!url) {
    return (
      <form action={createAction} className="space-y-2">
        <Button type="submit" disabled={creating}>
          {creating ? "Creating…" : "Create calendar link"}
        </Button>
        {createState.status === "error" && <FormMessage state={createState} />}
      </form>
    );
  }

  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url!);
      setCopied("copied");
    } catch {
      // No clipboard API (plain http on another host): the text stays selected for Ctrl+C.
      setCopied(document.execCommand?.("copy") ? "copied" : "failed");
    }
  }

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="calendar-feed-url" className="block text-sm font-medium text-slate-700">
          Your calendar link
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            ref={input}
            id="calendar-feed-url"
            readOnly
            value={url}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="calendar-feed-warning"
            onFocus={(event) => event.currentTarget.select()}
            className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-xs text-slate-900 shadow-sm"
          />
          <Button type="button" variant="secondary" onClick={copy}>
            Copy
          </Button>
          <a href={url.replace(/^https?:/, "webcal:")} className="text-sm text-brand-800 underline underline-offset-2">
            Open in calendar app
          </a>
        </div>
        <p aria-live="polite" className="text-xs font-medium text-slate-700">
          {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Could not copy: select the link and press Ctrl+C." : ""}
        </p>
        <p id="calendar-feed-warning" className="text-xs text-slate-600">
          Anyone with this link sees your visit and task times with subject codes{created ? ` (made ${created})` : ""}. Keep it to yourself; if it
          leaks, regenerate it.
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          label="Regenerate"
          title="Make a new calendar link?"
          text="The current link stops working at once: calendars subscribed to it stop updating until you subscribe them to the new one."
          confirm="Regenerate link"
          variant="secondary"
          action={regenerate}
        />
        <ConfirmDialog
          label="Revoke"
          title="Revoke your calendar link?"
          text="The link stops working at once and calendars subscribed to it stop updating. You can make a new one later."
          confirm="Revoke link"
          variant="danger-secondary"
          action={revoke}
        />
      </div>
    </div>
  );
}
