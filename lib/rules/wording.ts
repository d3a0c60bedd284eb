/** Small wording helpers for rule messages. */

/** "2026-12-09" → "9 Dec 2026": a calendar date as people read it, with no time zone to shift it. */
export function formatIsoDateForMessage(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
