/**
 * Intl.DateTimeFormat, built once per time zone and set of options: building one costs about
 * 0.1 ms, using one about 2 µs, and pages and writes format many instants in a handful of zones.
 */
export function formatterPerZone(locale: string, options: Omit<Intl.DateTimeFormatOptions, "timeZone">): (timeZone: string) => Intl.DateTimeFormat {
  const cache = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let formatter = cache.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      cache.set(timeZone, formatter);
    }
    return formatter;
  };
}
