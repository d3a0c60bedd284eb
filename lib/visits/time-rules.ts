/**
 * Rules for the time a visit is (re)scheduled to: a real time at the site, and a plausible one —
 * up to a year back (a walk-in recorded afterwards) and five years ahead (typos like 2206).
 */
import { addDaysIso, siteToday } from "../dates";
import { siteDateTime } from "./site-time";

export function checkVisitTime(
  errors: Record<string, string[]>,
  field: string,
  value: string,
  timeZone: string,
  now: Date,
): Date | null {
  const instant = siteDateTime(value, timeZone);
  if (!instant) {
    errors[field] = ["Enter a date and time that exists at the site (e.g. 2026-03-14 09:30)."];
    return null;
  }
  const today = siteToday(timeZone, now);
  const day = siteToday(timeZone, instant);
  if (day < addDaysIso(today, -365) || day > addDaysIso(today, 5 * 365)) {
    errors[field] = ["Choose a date within a year before and five years after today."];
    return null;
  }
  return instant;
}
