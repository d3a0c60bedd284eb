/** A completed or dismissed task as the subject's timeline shows it: what it was, who closed it, and why it was dismissed. */
import { Badge } from "@/components/ui/badge";
import { formatInstant } from "@/lib/format";
import { assigneeLabel, ENTITY_LABEL } from "@/lib/tasks/labels";
import type { TaskRow } from "@/lib/tasks/queries";

export function ClosedTask({ task: t, timeZone }: { task: TaskRow; timeZone: string }) {
  const done = t.status === "done";
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
        {done ? "Task completed" : "Task dismissed"}: {t.title}
        <Badge tone={done ? "success" : "neutral"}>{done ? "Done" : "Dismissed"}</Badge>
        {t.source === "rule" && <Badge>Automatic</Badge>}
      </p>
      <p className="text-xs text-slate-600">
        {t.closedByName ? `by ${t.closedByName} · ` : ""}
        about the {ENTITY_LABEL[t.entity].toLowerCase()} · was due {formatInstant(t.dueAt, timeZone)} · assigned to {assigneeLabel(t)}
      </p>
      {!done && t.dismissReason && <p className="text-sm text-slate-700">Reason: {t.dismissReason}</p>}
    </div>
  );
}
