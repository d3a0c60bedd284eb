"use client";

import { Button } from "@/components/ui/button";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import { retryEmailAction } from "./actions";

/** Puts one dead email back in the queue; success becomes a page notice (the row leaves "dead"). */
export function RetryButton({ id, to }: { id: string; to: string }) {
  const [state, action, pending] = useNotifyingAction(retryEmailAction);
  const msgId = `retry-${id}-msg`;
  return (
    <form action={action} aria-label={`Retry the email to ${to}`} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-describedby={msgId} aria-label={`Retry the email to ${to}`}>
        Retry
      </Button>
      <p id={msgId} aria-live="polite" className="text-xs text-red-700">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
