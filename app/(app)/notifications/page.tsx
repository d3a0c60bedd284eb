import type { Metadata } from "next";
import Link from "next/link";
import { LiveRefresh } from "@/components/live/live-refresh";
import { InboxList } from "@/components/notifications/inbox-list";
import { inboxRows } from "@/components/notifications/inbox-rows";
import { InboxTabs } from "@/components/notifications/inbox-tabs";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import type { SearchParams } from "@/lib/list/params";
import { inboxHref, parseInboxParams } from "@/lib/notifications/inbox-params";
import { countUnread, listNotifications } from "@/lib/notifications/queries";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "notification.manage");
  const state = parseInboxParams(await searchParams);
  const now = new Date();
  const [page, unread] = await Promise.all([listNotifications(actor, state), countUnread(actor)]);
  const timeZone = actor.siteTimezone ?? "UTC";
  const empty =
    state.view === "unread" ? (
      <>
        You are all caught up: no unread notifications.{" "}
        <Link href={inboxHref("all")} className="text-brand-800 underline underline-offset-2">
          See all notifications
        </Link>
        .
      </>
    ) : (
      "No notifications yet. Alerts about safety, visits, screening, tasks and administration arrive here."
    );
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`Alerts and reminders for you. Opening one marks it read. Times are ${timeZone}.`}
        actions={
          <div className="flex items-center gap-3">
            <LiveRefresh entities={["notification"]} />
            {unread > 0 && <MarkReadButton field={{ name: "upTo", value: now.toISOString() }} label="Mark all read" action={markAllReadAction} />}
          </div>
        }
      />
      <div className="space-y-3">
        <InboxTabs view={state.view} unread={unread} />
        <InboxList rows={inboxRows(page.rows, timeZone, now)} markRead={markReadAction} empty={empty} />
        {page.total > page.pageSize && (
          <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={(n) => inboxHref(state.view, n)} />
        )}
        <p className="text-xs text-slate-600">
          Choose how each kind reaches you — here only, or by email too — in{" "}
          <Link href="/settings/notifications" className="text-brand-800 underline underline-offset-2">
            notification settings
          </Link>
          .
        </p>
      </div>
    </>
  );
}
