"use client";

/**
 * The person's calendar subscription: its secret URL with a Copy button and a link that opens it in
 * a calendar app (webcal://), "Regenerate" (a new URL; the old one stops working) and "Revoke", each
 * confirmed in a dialog first. Without a feed, one button makes it.
 */
import { DialogForm } from "@/components/timeline/dialog-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { CopyField } from "@/components/ui/copy-field";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

export function CalendarFeedPanel({ url, created, regenerate, revoke }: { url: string | null; created: string | null; regenerate: Action; revoke: Action }) {
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

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <CopyField id="calendar-feed-url" label="Your calendar link" value={url} noun="link" describedBy="calendar-feed-warning">
          <a href={url.replace(/^https?:/, "webcal:")} className="text-sm text-brand-800 underline underline-offset-2">
            Open in calendar app
          </a>
        </CopyField>
        <p id="calendar-feed-warning" className="text-xs text-slate-600">
          Anyone with this link sees your visit and task times with subject codes{created ? ` (made ${created})` : ""}. Keep it to yourself; if it
          leaks, regenerate it.
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <DialogForm title="Make a new calendar link?" openLabel="Regenerate" submitLabel="Regenerate link" action={regenerate} hidden={{}}>
          The current link stops working at once: calendars subscribed to it stop updating until you subscribe them to the new one.
        </DialogForm>
        <DialogForm title="Revoke your calendar link?" openLabel="Revoke" submitLabel="Revoke link" variant="danger" action={revoke} hidden={{}}>
          The link stops working at once and calendars subscribed to it stop updating. You can make a new one later.
        </DialogForm>
      </div>
    </div>
  );
}
