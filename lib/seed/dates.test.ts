import { describe, expect, it } from "vitest";
import { dayFromIso, isoDay, localDay, siteTime } from "./dates";
import { createRng } from "./random";

describe("seed calendar helpers", () => {
  it("converts site-local office hours to instants on both sides of a DST change", () => {
    const day = dayFromIso("2025-03-09"); // US clocks go forward at 02:00
    expect(siteTime("America/New_York", day - 1, 9 * 60).toISOString()).toBe("2025-03-08T14:00:00.000Z");
    expect(siteTime("America/New_York", day, 9 * 60).toISOString()).toBe("2025-03-09T13:00:00.000Z");
    expect(siteTime("Europe/London", dayFromIso("2025-07-01"), 9 * 60).toISOString()).toBe("2025-07-01T08:00:00.000Z");
  });

  it("reads the site-local date of an instant", () => {
    const lateEvening = new Date("2025-07-02T02:30:00Z"); // 22:30 the day before in New York
    expect(isoDay(localDay(lateEvening, "America/New_York"))).toBe("2025-07-01");
    expect(isoDay(localDay(lateEvening, "Europe/London"))).toBe("2025-07-02");
  });

  it("draws the same numbers for the same key, different ones for another", () => {
    const draw = (key: string) => Array.from({ length: 5 }, createRng(1, key).next);
    expect(draw("a")).toEqual(draw("a"));
    expect(draw("a")).not.toEqual(draw("b"));
  });
});
