import Link from "next/link";
import { LogoutButton } from "@/components/logout-button";
import { logout } from "@/app/logout-actions";
import { humanize } from "@/components/ui/badge";
import { DemoBanner } from "@/components/shell/demo-banner";
import { NavLinks } from "@/components/shell/nav-links";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NoticeProvider } from "@/components/ui/notices";
import { requireActor } from "@/lib/auth/actor";
import { countUnread } from "@/lib/notifications/queries";
import { showDemoBanner } from "@/lib/seed/demo-banner";
import { accountNavFor, can, HOME_BY_ROLE, navFor } from "@/lib/policy";
import { unreadCountAction } from "./notifications/unread-count";

// Every page below reads the signed-in user from the database: never prerender.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Open to a person who must change their password: the page itself decides (each page calls
  // requireActor(), which sends them to /settings/password; that page lets them stay).
  const actor = await requireActor({ passwordChange: true });
  const inbox = can(actor, "notification.manage");
  const [unread, demo] = await Promise.all([inbox ? countUnread(actor) : 0, showDemoBanner()]);
  return (
    <div className="min-h-screen">
      {demo && <DemoBanner />}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href={HOME_BY_ROLE[actor.role]} className="text-base font-semibold tracking-tight text-brand-800">
            TrialDesk
          </Link>
          <nav aria-label="Main" className="flex-1">
            <NavLinks items={navFor(actor)} />
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <p className="text-right leading-tight" data-testid="signed-in-user">
              <span className="block font-medium text-slate-900">{actor.displayName}</span>
              <span className="block text-xs text-slate-600">
                {humanize(actor.role)}
                {actor.siteName ? ` · ${actor.siteName}` : ""}
              </span>
            </p>
            {inbox && <NotificationBell unread={unread} countUnread={unreadCountAction} />}
            <nav aria-label="Account">
              <NavLinks items={accountNavFor(actor)} />
            </nav>
            <LogoutButton logout={logout} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">
        <NoticeProvider>{children}</NoticeProvider>
      </main>
    </div>
  );
}
