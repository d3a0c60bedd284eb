/**
 * Visit times as people and API clients type them: "YYYY-MM-DDTHH:mm" from a datetime-local input
 * means that wall-clock time AT THE VISIT'S SITE (not the browser's or the server's zone); an ISO
 * instant with "Z" or an offset is taken as is. Impossible dates and clock-change gaps are refused.
 */
import { localDateTimeToInstant } from "../dates";

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function siteDateTime(value: string, timeZone: string): Date | null {
  if (LOCAL.test(value)) return localDateTimeToInstant(value, timeZone);
  if (!ZONED.test(value)) return null;
  const instant = new Date(value);
  // Date.parse rolls "02-30" over too; the calendar part must survive the round trip.
  if (Number.isNaN(instant.getTime())) return null;
  const [y, m, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? instant : null;
}
