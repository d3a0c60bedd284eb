import { describe, expect, it } from "vitest";
import { column, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    const csv = toCsv(
      [{ a: 'He said "hi", twice', b: "=HYPERLINK(\"x\")", c: null, d: new Date("2026-01-02T03:04:05Z"), e: ["x", "y"] }],
      [
        column("A", "a"),
        column("B", "b"),
        column("C", "c"),
        column("D", "d"),
        column("E", "e"),
      ],
    );
    expect(csv).toBe('A,B,C,D,E\r\n"He said ""hi"", twice","\'=HYPERLINK(""x"")",,2026-01-02T03:04:05.000Z,"x; y"\r\n');
  });
});
