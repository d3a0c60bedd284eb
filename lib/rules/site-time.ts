/**
 * The instants time-based rules fire at, in the site's own time zone: "07:00 site time the working
 * day before" is a wall-clock time at the site, so across a DST change it is still 07:00 there
 * (a different UTC hour). Working days are Monday to Friday.
 */
import { TZDate } from "@date-fns/tz";
import { addDaysIso, localDate, type IsoDate } from "../dates";

/** hh:mm on a site-local date, as an instant. */
export function atSiteTime(date: IsoDate, time: `${number}:${number}`, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime());
}

/** 0 = Sunday … 6 = Saturday, of a calendar date (no time zone involved). */
const weekday = (date: IsoDate) => new Date(`${date}T12:00:00Z`).getUTCDay();

export function isWorkingDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/** The last working day before `date` (Friday for a Monday, Saturday or Sunday). */
export function previousWorkingDay(date: IsoDate): IsoDate {
  let day = addDaysIso(date, -1);
  while (!isWorkingDay(day)) day = addDaysIso(day, -1);
  return day;
}

/** The site-local date of an instant (re-exported for the rules). */
export const siteDate = (instant: Date, timeZone: string): IsoDate => localDate(instant, timeZone);
