// A file whose beforeAll fails: vitest reports one file failure and leaves its tests unrun.
import { beforeAll, expect, it } from "vitest";

beforeAll(() => {
  throw new Error("setup failed");
});
it("one", () => expect(1).toBe(1));
it("two", () => expect(2).toBe(2));
it("three", () => expect(3).toBe(3));
