/**
 * The inbox's items, newest first: each with its title (opening it marks it read and leads to the
 * record), its text, category and time, and "Mark read" while unread. A plain <a>, not <Link>: a
 * prefetch would open (and mark read) every item on screen.
 */
import { Badge } from "@/components/ui/badge";
import type { ActionState } from "@/lib/action-state";
import type { InboxRow } from "./inbox-rows";
import { MarkReadButton } from "./mark-read-button";

export function InboxList({
  rows,
  markRead,
  empty,
}: {
  rows: InboxRow[];
  markRead: (prev: ActionState, data: FormData) => Promise<ActionState>;
  empty: React.ReactNode;
}) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600" data-testid="inbox-empty">
        {empty}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Notifications" data-testid="inbox">
      {rows.map((n) => (
        <li key={n.id} className={`flex flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3 ${n.unread ? "bg-sky-50/60" : ""}`} data-unread={n.unread}>
          <div className="min-w-0 flex-1 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              {n.unread && (
                <span className="inline-flex items-center gap-1 text-xs font-semibold text-sky-800">
                  <span aria-hidden="true" className="h-2 w-2 rounded-full bg-sky-600" />
                  Unread
                </span>
              )}
              <Badge tone={n.tone}>{n.category}</Badge>
              <time dateTime={n.iso} title={n.at} className="text-xs text-slate-600">
                {n.ago}
                <span className="sr-only"> ({n.at})</span>
              </time>
            </div>
            <a href={n.openHref} className={`block text-sm text-brand-800 underline-offset-2 hover:underline ${n.unread ? "font-semibold" : "font-medium"}`}>
              {n.title}
            </a>
            <p className="text-sm text-slate-700">{n.body}</p>
          </div>
          {n.unread && <MarkReadButton field={{ name: "id", value: n.id }} label="Mark read" accessibleName={`Mark read: ${n.title}`} compact action={markRead} />}
        </li>
      ))}
    </ul>
  );
}
