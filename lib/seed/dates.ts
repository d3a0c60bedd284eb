/**
 * Calendar arithmetic for seeding. A `Day` is a whole calendar date as days since 1970-01-01,
 * read in a site's own time zone: visit windows and "today" on a dashboard are site-local dates,
 * while timestamps stored in the database are instants (UTC).
 */
import { formatterPerZone } from "../zone-format";

export type Day = number;

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export function isoDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayFromIso(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

const formatter = formatterPerZone("en-US", { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

/** Wall-clock reading of an instant in a time zone, as if that reading were UTC (ms). */
function wallClockMs(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
}

/** The site-local calendar date of an instant. */
export function localDay(instant: Date, timeZone: string): Day {
  return Math.floor(wallClockMs(instant, timeZone) / MS_PER_DAY);
}

// Offsets are looked up once per zone and date: the bench converts tens of thousands of times.
const offsets = new Map<string, number>();
function offsetMinutes(timeZone: string, day: Day): number {
  const key = `${timeZone}|${day}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    // Noon is never inside a DST jump, and seeded events all happen in office hours.
    const noon = new Date(day * MS_PER_DAY + 12 * 60 * MS_PER_MINUTE);
    offset = Math.round((wallClockMs(noon, timeZone) - noon.getTime()) / MS_PER_MINUTE);
    offsets.set(key, offset);
  }
  return offset;
}

/** The instant of a site-local date and time of day (minutes after midnight). */
export function siteTime(timeZone: string, day: Day, minutesOfDay: number): Date {
  return new Date(day * MS_PER_DAY + (minutesOfDay - offsetMinutes(timeZone, day)) * MS_PER_MINUTE);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MS_PER_MINUTE);
}

/** Seeded history never lies in the future: anything later than `limit` is pulled back to it. */
export function notAfter(instant: Date, limit: Date): Date {
  return instant.getTime() > limit.getTime() ? limit : instant;
}
