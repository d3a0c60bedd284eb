/**
 * A notification as the inbox shows it: its time both ways — how long ago, and the instant in the
 * person's site time zone (else UTC) — its category in words and tone, and the link that opens it
 * (which marks it read first: app/(app)/notifications/[id]/open).
 */
import { CATEGORY_LABELS } from "@/lib/notifications/preferences";
import type { InboxItem } from "@/lib/notifications/queries";
import { formatInstant } from "@/lib/format";
import type { NotificationCategory } from "@/domain/vocabulary";

export type InboxTone = "danger" | "info" | "warning" | "neutral";

export type InboxRow = {
  id: string;
  title: string;
  body: string;
  category: string;
  tone: InboxTone;
  /** "5 minutes ago" */
  ago: string;
  /** "01 May 2025, 09:30 EDT" */
  at: string;
  iso: string;
  unread: boolean;
  openHref: string;
};

const TONES: Record<NotificationCategory, InboxTone> = { safety: "danger", visits: "info", screening: "neutral", tasks: "warning", admin: "neutral" };

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 days ago"; past a week, the date itself. */
export function ago(value: Date, now: Date, timeZone: string): string {
  const seconds = Math.max(0, Math.round((now.getTime() - value.getTime()) / 1000));
  if (seconds < 60) return "just now";
  if (seconds >= 7 * 86_400) return formatInstant(value, timeZone);
  const words = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });
  const [unit, size] = UNITS.find(([, s]) => seconds >= s)!;
  return words.format(-Math.floor(seconds / size), unit);
}

export function inboxRows(items: InboxItem[], timeZone: string, now = new Date()): InboxRow[] {
  return items.map((n) => ({
    id: n.id,
    title: n.title,
    body: n.body,
    category: CATEGORY_LABELS[n.category].label,
    tone: TONES[n.category],
    ago: ago(n.createdAt, now, timeZone),
    at: formatInstant(n.createdAt, timeZone),
    iso: n.createdAt.toISOString(),
    unread: n.readAt === null,
    openHref: `/notifications/${n.id}/open`,
  }));
}
