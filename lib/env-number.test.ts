import { describe, expect, it } from "vitest";
import { positiveIntEnv } from "./env-number";

describe("positiveIntEnv", () => {
  it("reads a positive number, whole", () => {
    expect(positiveIntEnv("X", 5, { X: "12" })).toBe(12);
    expect(positiveIntEnv("X", 5, { X: "2.9" })).toBe(2);
  });
  it("falls back when unset, empty, zero, negative or not a number — a typo never disables a limit", () => {
    for (const X of [undefined, "", "0", "-3", "ten", "0.5", "Infinity"]) expect(positiveIntEnv("X", 5, { X })).toBe(5);
  });
});
