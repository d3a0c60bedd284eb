import { describe, expect, it } from "vitest";
import { calendarQuery, daysBetween, parseCalendarParams, rangeFor, stepDate } from "./calendar";
import { siteDateTime } from "./site-time";

const NOW = new Date("2026-03-10T03:00:00Z"); // still Monday 9 March in New York

describe("calendar state from the URL", () => {
  it("defaults to the month of the site's today and drops invalid values", () => {
    expect(parseCalendarParams({}, "America/New_York", NOW)).toEqual({ view: "month", date: "2026-03-09", filters: {}, flag: undefined, page: 1 });
    expect(parseCalendarParams({ date: "2026-02-30", view: "year", visitStatus: "done", studyId: "x", page: "-3" }, "Europe/London", NOW)).toMatchObject({
      view: "month",
      date: "2026-03-10",
      filters: { visitStatus: undefined, studyId: undefined },
      page: 1,
    });
  });
  it("shows a flag as an agenda, and round-trips through the query string", () => {
    const state = parseCalendarParams({ view: "week", date: "2026-03-12", visitStatus: "scheduled", flag: "overdue", page: "2" }, "UTC", NOW);
    expect(state).toMatchObject({ view: "agenda", flag: "overdue", page: 2 });
    expect(calendarQuery(state)).toBe("visitStatus=scheduled&flag=overdue&page=2");
    const week = parseCalendarParams({ view: "week", date: "2026-03-12" }, "UTC", NOW);
    expect(calendarQuery(week, { date: "2026-03-19" })).toBe("view=week&date=2026-03-19");
  });
});

describe("visible days", () => {
  it("covers whole Monday-first weeks around a month", () => {
    expect(rangeFor("month", "2026-03-18")).toEqual({ from: "2026-02-23", to: "2026-04-05" });
    expect(daysBetween("2026-02-23", "2026-04-05")).toHaveLength(42);
  });
  it("covers a week and an agenda fortnight", () => {
    expect(rangeFor("week", "2026-03-08")).toEqual({ from: "2026-03-02", to: "2026-03-08" });
    expect(rangeFor("agenda", "2026-03-08")).toEqual({ from: "2026-03-08", to: "2026-03-21" });
  });
  it("steps by month (keeping the day where it can), week and fortnight", () => {
    expect(stepDate("month", "2026-01-31", 1)).toBe("2026-02-28");
    expect(stepDate("week", "2026-03-02", -1)).toBe("2026-02-23");
    expect(stepDate("agenda", "2026-03-02", 1)).toBe("2026-03-16");
  });
});

describe("site times", () => {
  it("reads a typed time at the site and an ISO instant as is, refusing impossible ones", () => {
    expect(siteDateTime("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(siteDateTime("2026-07-01T09:00:00+02:00", "America/New_York")?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(siteDateTime("2026-02-29T09:00:00Z", "UTC")).toBeNull();
    expect(siteDateTime("tomorrow", "UTC")).toBeNull();
  });
});
