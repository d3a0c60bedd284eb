import type { Metadata } from "next";
import { headers } from "next/headers";
import { CalendarFeedPanel } from "@/components/settings/calendar-feed-panel";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { feedPath } from "@/lib/calendar/feed-secret";
import { currentFeed, mayHaveCalendar } from "@/lib/calendar/feeds";
import { publicOrigin } from "@/lib/calendar/public-origin";
import { formatInstant } from "@/lib/format";
import { preferenceSettings } from "@/lib/notifications/preference-settings";
import { regenerateFeedAction, revokeFeedAction, savePreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const actor = await requireActor();
  guard(actor, "preferences.manage");
  const calendar = mayHaveCalendar(actor);
  const [settings, feed] = await Promise.all([preferenceSettings(actor), calendar ? currentFeed(actor) : Promise.resolve(null)]);
  const url = feed ? `${publicOrigin(await headers())}${feedPath(feed.id)}` : null;
  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Everything TrialDesk tells you arrives in your inbox (the bell). Choose, per kind, whether an email comes too — at once, or collected in one daily digest. Emails name subjects by code only."
      />
      <div className="space-y-8">
        <section aria-labelledby="delivery" className="space-y-3">
          <h2 id="delivery" className="text-sm font-semibold text-slate-900">
            How each kind reaches you
          </h2>
          <NotificationPreferencesForm rows={settings} action={savePreferencesAction} />
        </section>
        {calendar && (
          <section aria-labelledby="calendar" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <div>
              <h2 id="calendar" className="text-sm font-semibold text-slate-900">
                Calendar subscription
              </h2>
              <p className="mt-1 max-w-3xl text-sm text-slate-600">
                Subscribe Outlook, Google Calendar or Apple Calendar to your{" "}
                {actor.role === "investigator" ? "site's visits" : "visits"} and your open tasks, from 30 days back to 90 days ahead. Subjects
                appear by code only; your calendar app refreshes it on its own schedule.
              </p>
            </div>
            <CalendarFeedPanel
              url={url}
              created={feed ? formatInstant(feed.createdAt, actor.siteTimezone ?? "UTC") : null}
              regenerate={regenerateFeedAction}
              revoke={revokeFeedAction}
            />
          </section>
        )}
      </div>
    </>
  );
}
