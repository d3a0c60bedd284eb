/** Display formats. Instants are shown in the site's time zone, with the zone named. */

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const instantFormats = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(value: Date | string, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  let formatter = instantFormats.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "short",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    instantFormats.set(timeZone, formatter);
  }
  return formatter.format(date);
}

export function formatDate(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "2-digit", timeZone: "UTC" }).format(date);
}
