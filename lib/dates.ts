/**
 * Site-local calendar dates and instants. Instants are stored as timestamptz (UTC); calendar
 * dates (date of birth, onset date, visit windows) as `date` strings "YYYY-MM-DD". A site's "today",
 * a visit window or a calendar week is read in the site's IANA time zone (date-fns + @date-fns/tz).
 */
import { TZDate } from "@date-fns/tz";
import { addDays, format, parseISO } from "date-fns";
import { formatterPerZone } from "./zone-format";

export type IsoDate = string; // "YYYY-MM-DD"

const dayFormat = formatterPerZone("en-US", { year: "numeric", month: "2-digit", day: "2-digit", calendar: "gregory", numberingSystem: "latn" });

/**
 * The calendar date of an instant at the site. Read straight from Intl (which every write and
 * page asks several times per request) rather than through date-fns' format, at a tenth the cost.
 */
export function localDate(instant: Date, timeZone: string): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid time value");
  let year = "";
  let month = "";
  let day = "";
  for (const part of dayFormat(timeZone).formatToParts(instant)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
}

/** Today at the site. */
export function siteToday(timeZone: string, now: Date = new Date()): IsoDate {
  return localDate(now, timeZone);
}

/** The instant a site-local day starts (00:00 at the site). */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}

/** "YYYY-MM-DDTHH:mm" as typed in a datetime-local input at the site → the instant. */
export function localDateTimeToInstant(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new TZDate(y, mo - 1, d, h, mi, 0, timeZone);
  if (Number.isNaN(date.getTime())) return null;
  // TZDate rolls an impossible value over ("02-30" → March 2, "25:00" → next day) and moves a
  // time inside a spring-forward gap: refuse both rather than store a time nobody typed.
  return instantToLocalInput(date, timeZone) === value ? new Date(date.getTime()) : null;
}

/** An instant as a datetime-local input value at the site. */
export function instantToLocalInput(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return format(addDays(parseISO(date), days), "yyyy-MM-dd");
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(parseISO(value).getTime()) && format(parseISO(value), "yyyy-MM-dd") === value;
}
