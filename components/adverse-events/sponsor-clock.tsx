"use client";

/**
 * The 24-hour sponsor-notification clock of a serious AE, ticking once a minute in the browser.
 * It starts from the server's `now`, so the first render matches the server's HTML.
 */
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { clockText, sponsorClock } from "@/lib/adverse-events/clock";
import { formatInstant } from "@/lib/format";

type ClockAe = { serious: boolean; awareAt: Date | string; sponsorNotifiedAt: Date | string | null };

function useNow(initial: string): Date {
  const [now, setNow] = useState(() => new Date(initial));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const TONE = { notified: "success", due: "warning", overdue: "danger" } as const;

/** Just the badge ("5 h 10 min left", "Overdue by 2 h"), for tables. */
export function ClockBadge({ ae, now: initial }: { ae: ClockAe; now: string }) {
  const now = useNow(initial);
  const clock = sponsorClock(ae, now);
  if (!clock) return null;
  return <Badge tone={clock.late ? "warning" : TONE[clock.state]}>{clockText(clock)}</Badge>;
}

/** The AE page's panel: deadline in site time with the zone, and time left or overdue. */
export function SponsorClockPanel({ ae, timeZone, now: initial }: { ae: ClockAe; timeZone: string; now: string }) {
  const now = useNow(initial);
  const clock = sponsorClock(ae, now);
  if (!clock) return null;
  const border = clock.state === "overdue" ? "border-red-300 bg-red-50" : clock.state === "due" ? "border-amber-300 bg-amber-50" : "border-emerald-200 bg-emerald-50";
  return (
    <section aria-label="Sponsor notification" className={`mb-5 rounded-lg border p-4 ${border}`}>
      <h2 className="text-sm font-semibold text-slate-900">24-hour sponsor notification</h2>
      <p className="mt-1 text-sm text-slate-800">
        Deadline: <strong data-testid="sponsor-deadline">{formatInstant(clock.deadline, timeZone)}</strong>{" "}
        <Badge tone={clock.late ? "warning" : TONE[clock.state]}>{clockText(clock)}</Badge>
      </p>
      <p className="mt-1 text-xs text-slate-700">
        {ae.sponsorNotifiedAt
          ? `The sponsor was notified at ${formatInstant(ae.sponsorNotifiedAt, timeZone)}.`
          : "Serious adverse events must reach the sponsor within 24 hours of the site learning of them (from Aware at)."}
      </p>
    </section>
  );
}
