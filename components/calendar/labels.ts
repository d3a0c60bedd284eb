/**
 * Calendar wording with the platform's Intl (no calendar library needed): calendar dates are
 * "YYYY-MM-DD" strings and are formatted as UTC midnights so no zone can shift them; visit
 * times are formatted in the zone the calendar is drawn in.
 */
import type { IsoDate } from "@/lib/dates";

const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", ...options });

const monthTitle = fmt({ month: "long", year: "numeric" });
const dayLong = fmt({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
const dayShort = fmt({ weekday: "short", day: "numeric", month: "short" });
const weekdayShort = fmt({ weekday: "short" });
const weekdayLong = fmt({ weekday: "long" });
const dayMonth = fmt({ day: "numeric", month: "short" });
const dayMonthYear = fmt({ day: "numeric", month: "short", year: "numeric" });

export const monthLabel = (date: IsoDate) => monthTitle.format(utc(date));
/** "Tuesday 10 March 2026" */
export const longDayLabel = (date: IsoDate) => dayLong.format(utc(date));
/** "Tue 10 Mar" */
export const shortDayLabel = (date: IsoDate) => dayShort.format(utc(date));
export const weekdayLabel = (date: IsoDate) => weekdayShort.format(utc(date));
export const weekdayFullLabel = (date: IsoDate) => weekdayLong.format(utc(date));
export const dayOfMonth = (date: IsoDate) => String(Number(date.slice(8, 10)));
/** "9 – 15 Mar 2026" */
export const rangeLabel = (from: IsoDate, to: IsoDate) => `${dayMonth.format(utc(from))} – ${dayMonthYear.format(utc(to))}`;
export const dateLabel = (date: IsoDate) => dayMonthYear.format(utc(date));

/** "09:30" at the calendar's zone. */
export function timeLabel(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "EST", "GMT+1"… — the zone's short name at that moment, for headers that say which time is shown. */
export function zoneName(timeZone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
