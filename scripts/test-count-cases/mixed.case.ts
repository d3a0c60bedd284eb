// One test that passes, one skipped without a reason, one that only runs on PostgreSQL.
import { expect, it } from "vitest";

it("passes", () => expect(true).toBe(true));
it.skip("is skipped", () => expect(true).toBe(false));
it.runIf(false)("needs a server (PostgreSQL)", () => expect(true).toBe(true));
