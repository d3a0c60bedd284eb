import { describe, expect, it } from "vitest";
import { column, csvStreamResponse, toCsv } from "./csv";

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

describe("csvStreamResponse", () => {
  it("writes the byte-order mark and header, then each batch as it is pulled", async () => {
    const batches = [[{ a: "1" }, { a: "2" }], [{ a: "3" }]];
    const response = csvStreamResponse({ next: async () => batches.shift() ?? null, close: async () => {} }, [column<{ a: string }>("A", "a")], "x y.csv");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="x_y.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString("utf8")).toBe("\uFEFFA\r\n1\r\n2\r\n3\r\n");
  });

  it("cuts the download when a batch fails, closes the source, and passes on a plain error (the driver's message names query parameters)", async () => {
    let closed = 0;
    const response = csvStreamResponse(
      { next: async () => { throw new Error("Failed query: select … params: Alice Anders"); }, close: async () => void closed++ },
      [column<{ a: string }>("A", "a")],
      "x.csv",
    );
    await expect(response.text()).rejects.toThrow(/^The export was interrupted\.$/);
    expect(closed).toBe(1);
  });
});
