/** The inbox's tabs — unread and all — as links: the tab lives in the URL (shareable, back works). */
import Link from "next/link";
import { inboxHref, type InboxView } from "@/lib/notifications/inbox-params";

export function InboxTabs({ view, unread }: { view: InboxView; unread: number }) {
  const tabs: { view: InboxView; label: string }[] = [
    { view: "unread", label: `Unread (${unread})` },
    { view: "all", label: "All" },
  ];
  return (
    <nav aria-label="Inbox" className="flex gap-1 border-b border-slate-200">
      {tabs.map((t) => {
        const current = t.view === view;
        return (
          <Link
            key={t.view}
            href={inboxHref(t.view)}
            aria-current={current ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
