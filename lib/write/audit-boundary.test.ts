/**
 * The write road cannot be skipped: outside lib/write, no module inserts, updates or deletes an
 * audited table, and none calls the audit writer or the live notifier. Reads the sources as text,
 * so it also catches raw SQL. Each exception below says why it is one.
 */
import fs from "node:fs";
import path from "node:path";
import { getTableName } from "drizzle-orm";
import * as schema from "@/db/schema";
import { describe, expect, it } from "vitest";
import { AUDITED_TABLES } from "./entities";

const root = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib", "db", "scripts", "domain"];

/** Where a direct write of an audited table is the point, with the reason. */
const ALLOWED: Record<string, string> = {
  "lib/audit/writer.ts": "the audit writer itself (private to the road by this test and lint)",
  "lib/visits/schedule.ts": "the visit insert rendered once (db/reusable), executed by the road's w.insertWith",
  "lib/api/authenticate.ts": "stamps api_tokens.last_used_at: bookkeeping on the light pool, not a change anyone audits",
  "lib/read-model/test-records.ts": "a test fixture",
};
/** Bulk generators for an empty database (demo, benchmark): audited as one seed event with recordEvent. */
const ALLOWED_DIRS = ["lib/seed/"];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
    }
  };
  for (const dir of SOURCE_DIRS) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return out;
}

const auditedNames = (() => {
  const js = Object.entries(schema)
    .filter(([, value]) => AUDITED_TABLES.includes(value as never))
    .map(([name]) => name);
  return { js, sql: AUDITED_TABLES.map((t) => getTableName(t)).concat("audit_events") };
})();

const drizzleWrite = new RegExp(`\\.(insert|update|delete)\\(\\s*(${auditedNames.js.concat("auditEvents").join("|")})\\b`);
const rawWrite = new RegExp(`\\b(insert\\s+into|update|delete\\s+from)\\s+"?(${auditedNames.sql.join("|")})\\b`, "i");
const privateImport = /import\s*{[^}]*\b(appendAudit|notifyChange)\b[^}]*}\s*from/;

function violations(check: (text: string) => boolean, exempt: (file: string) => boolean) {
  return sourceFiles().filter((file) => !exempt(file) && check(fs.readFileSync(path.join(root, file), "utf8")));
}

const inRoad = (file: string) => file.startsWith("lib/write/");

describe("the write road", () => {
  it("knows every audited table by name (the check below would pass vacuously otherwise)", () => {
    expect(auditedNames.js).toEqual(expect.arrayContaining(["subjects", "visits", "adverseEvents", "users", "apiTokens", "eSignatures"]));
    expect(auditedNames.js.length).toBe(AUDITED_TABLES.length);
  });

  it("is the only module that writes audited tables", () => {
    const exempt = (file: string) => inRoad(file) || file in ALLOWED || ALLOWED_DIRS.some((d) => file.startsWith(d));
    expect(violations((text) => drizzleWrite.test(text) || rawWrite.test(text), exempt)).toEqual([]);
  });

  it("is the only caller of the audit writer and the live notifier", () => {
    const definitions = new Set(["lib/audit/writer.ts", "lib/live/notify.ts"]);
    expect(violations((text) => privateImport.test(text), (file) => inRoad(file) || definitions.has(file))).toEqual([]);
  });

  it("catches a write outside the road (the patterns are live)", () => {
    expect(drizzleWrite.test("await tx.insert(visits).values(v)")).toBe(true);
    expect(drizzleWrite.test("await db.update(adverseEvents).set({})")).toBe(true);
    expect(rawWrite.test("sql`update subjects set full_name = ''`")).toBe(true);
    expect(privateImport.test('import { appendAudit } from "../audit/writer";')).toBe(true);
    expect(drizzleWrite.test("await tx.insert(rateLimits).values(v)")).toBe(false);
  });
});
