import { formatterPerZone } from "./zone-format";

/** Display formats. Instants are shown in the site's time zone, with the zone named. */

const instantFormat = formatterPerZone("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

export function formatInstant(value: Date | string, timeZone: string): string {
  return instantFormat(timeZone).format(typeof value === "string" ? new Date(value) : value);
}

export function formatDate(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "2-digit", timeZone: "UTC" }).format(date);
}
