/** The README's table of what each role is told stays true: every rule of lib/rules/table.ts is in it. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "@/lib/rules/table";

const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../README.md"), "utf8");

describe("README, 'Follow-up'", () => {
  it.each(RULES.map((r) => r.id))("lists rule %s", (id) => {
    expect(readme).toContain("| `" + id + "` |");
  });
});
