import { describe, expect, it } from "vitest";
import { clockText, formatDuration, sponsorClock } from "./clock";

const awareAt = new Date("2024-02-02T14:30:00Z");

describe("the 24-hour sponsor clock", () => {
  it("has no clock for a non-serious AE", () => {
    expect(sponsorClock({ serious: false, awareAt })).toBeNull();
  });
  it("runs from awareAt: time left, then overdue", () => {
    const due = sponsorClock({ serious: true, awareAt }, new Date("2024-02-02T15:25:00Z"))!;
    expect(due).toMatchObject({ state: "due", deadline: new Date("2024-02-03T14:30:00Z") });
    expect(clockText(due)).toBe("23 h 05 min left");
    const overdue = sponsorClock({ serious: true, awareAt }, new Date("2024-02-05T16:30:00Z"))!;
    expect(clockText(overdue)).toBe("Overdue by 2 d 2 h");
  });
  it("stops when the sponsor is notified, and says when that was late", () => {
    const late = sponsorClock({ serious: true, awareAt, sponsorNotifiedAt: "2024-02-03T15:00:00Z" }, new Date("2024-02-09T00:00:00Z"))!;
    expect(late).toMatchObject({ state: "notified", late: true });
    expect(clockText(late)).toBe("Sponsor notified (late)");
  });
  it("formats short durations", () => {
    expect(formatDuration(59_000)).toBe("0 min");
    expect(formatDuration(-5 * 60_000)).toBe("5 min");
  });
});
