/**
 * The 24-hour sponsor-notification clock of a serious AE (docs/product.md, "Safety rules"): it starts
 * when the site learns of the event (awareAt). Pure, so pages, the list, the CSV, the dashboard
 * and the safety queue all tell the same time; no "server-only", so a client component can tick it.
 */
export const SPONSOR_CLOCK_HOURS = 24;
const HOUR_MS = 3_600_000;

export type SponsorClock = {
  deadline: Date;
  /** notified = the sponsor was told; due = still within 24 h; overdue = past the deadline, not told. */
  state: "notified" | "due" | "overdue";
  /** Milliseconds until the deadline (negative once overdue). */
  msLeft: number;
  /** Notified after the deadline. */
  late: boolean;
};

export function sponsorDeadline(awareAt: Date | string): Date {
  return new Date(new Date(awareAt).getTime() + SPONSOR_CLOCK_HOURS * HOUR_MS);
}

/** Null for a non-serious AE: there is no clock. */
export function sponsorClock(
  ae: { serious: boolean; awareAt: Date | string; sponsorNotifiedAt?: Date | string | null },
  now: Date = new Date(),
): SponsorClock | null {
  if (!ae.serious) return null;
  const deadline = sponsorDeadline(ae.awareAt);
  const msLeft = deadline.getTime() - now.getTime();
  if (ae.sponsorNotifiedAt) {
    return { deadline, state: "notified", msLeft, late: new Date(ae.sponsorNotifiedAt).getTime() > deadline.getTime() };
  }
  return { deadline, state: msLeft >= 0 ? "due" : "overdue", msLeft, late: false };
}

/** "23 h 05 min", "3 d 4 h" — a duration a person reads at a glance. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(mins).padStart(2, "0")} min`;
  return `${mins} min`;
}

/** The clock in words: "23 h 05 min left", "overdue by 2 h 10 min", "sponsor notified". */
export function clockText(clock: SponsorClock): string {
  switch (clock.state) {
    case "notified":
      return clock.late ? "Sponsor notified (late)" : "Sponsor notified";
    case "due":
      return `${formatDuration(clock.msLeft)} left`;
    case "overdue":
      return `Overdue by ${formatDuration(clock.msLeft)}`;
  }
}
