"use client";

/**
 * "Mark read" on one inbox item (`id`), or "Mark all read" above them (`upTo`: what the page
 * showed, so an alert arriving meanwhile stays unread): a one-button form with a page notice.
 */
import { Button } from "@/components/ui/button";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";

export function MarkReadButton({
  field,
  label,
  accessibleName,
  compact = false,
  action,
}: {
  field: { name: "id" | "upTo"; value: string };
  label: string;
  accessibleName?: string;
  compact?: boolean;
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useNotifyingAction(action);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name={field.name} value={field.value} />
      <Button type="submit" variant="secondary" className={compact ? "!px-2 !py-1 text-xs" : ""} disabled={pending} aria-label={accessibleName}>
        {pending ? "Marking…" : label}
      </Button>
      {state.status === "error" && (
        <span role="status" className="text-xs text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}
