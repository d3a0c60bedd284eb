"use client";

/** "Mark read" on one inbox item, or "Mark all read" above them: a small form with a page notice. */
import { Button } from "@/components/ui/button";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

export function MarkReadButton({ id, title, action }: { id: string; title: string; action: Action }) {
  const [state, formAction, pending] = useNotifyingAction(action);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" className="!px-2 !py-1 text-xs" disabled={pending} aria-label={`Mark read: ${title}`}>
        {pending ? "Marking…" : "Mark read"}
      </Button>
      {state.status === "error" && (
        <span role="status" className="text-xs text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}

/** Marks read what the person has in front of them: those created up to `upTo` (the page's render time). */
export function MarkAllReadButton({ upTo, action }: { upTo: string; action: Action }) {
  const [state, formAction, pending] = useNotifyingAction(action);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="upTo" value={upTo} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Marking…" : "Mark all read"}
      </Button>
      {state.status === "error" && (
        <span role="status" className="text-sm text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}
