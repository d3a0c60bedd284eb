import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { addDaysIso, instantToLocalInput, isIsoDate, localDate, localDateTimeToInstant, startOfLocalDay } from "./dates";

describe("site-local dates", () => {
  it("reads the calendar date of an instant in the site's zone", () => {
    const instant = new Date("2026-03-10T03:30:00Z");
    expect(localDate(instant, "America/New_York")).toBe("2026-03-09");
    expect(localDate(instant, "Europe/London")).toBe("2026-03-10");
  });
  it("agrees with date-fns on the local date, around the clock, across DST and in far-off zones", () => {
    const zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Adelaide", "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu"];
    const start = Date.UTC(2025, 0, 1);
    for (let hour = 0; hour < 366 * 24; hour += 7) {
      const instant = new Date(start + hour * 3_600_000 + 59 * 60_000);
      for (const zone of zones) expect(localDate(instant, zone)).toBe(format(new TZDate(instant.getTime(), zone), "yyyy-MM-dd"));
    }
    expect(localDate(new Date("0999-06-01T12:00:00Z"), "UTC")).toBe("0999-06-01");
    expect(() => localDate(new Date("nope"), "UTC")).toThrow(RangeError);
    expect(() => localDate(new Date(), "Not/AZone")).toThrow(RangeError);
  });
  it("finds the start of a local day across a DST change", () => {
    expect(startOfLocalDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfLocalDay("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });
  it("round-trips datetime-local input values", () => {
    const instant = localDateTimeToInstant("2026-07-01T09:15", "Europe/London");
    expect(instant?.toISOString()).toBe("2026-07-01T08:15:00.000Z");
    expect(instantToLocalInput(instant!, "Europe/London")).toBe("2026-07-01T09:15");
    expect(localDateTimeToInstant("not a date", "Europe/London")).toBeNull();
    expect(localDateTimeToInstant("2026-02-30T10:00", "Europe/London")).toBeNull();
    expect(localDateTimeToInstant("2026-07-01T24:30", "Europe/London")).toBeNull();
    // 02:30 does not exist in New York on the spring-forward day.
    expect(localDateTimeToInstant("2026-03-08T02:30", "America/New_York")).toBeNull();
  });
  it("adds days and validates ISO dates", () => {
    expect(addDaysIso("2026-02-27", 2)).toBe("2026-03-01");
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("28/02/2026")).toBe(false);
  });
});
