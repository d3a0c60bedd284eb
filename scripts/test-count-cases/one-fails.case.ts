// A file where one test fails and two pass: one failure, two passes — not three failures.
import { expect, it } from "vitest";

it("passes first", () => expect(1).toBe(1));
it("fails", () => expect(1).toBe(2));
it("passes after", () => expect(3).toBe(3));
