import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { visits } from "@/db/schema";
import { withTwoSites } from "@/tests/fixtures";
import { jsonObject } from "./json-select";

const f = withTwoSites();

describe("jsonObject (REST list rows built as JSON text by the database)", () => {
  it("writes every column type as JSON.stringify would write the mapped row, escaping text exactly", async () => {
    const db = await getDb();
    const nasty = `He said "stop" \\ then\nleft\t<script>alert('x')</script> ü 🚑 '); DROP TABLE visits;--`;
    const [visit] = await db
      .insert(visits)
      .values({
        siteId: f.siteA.id,
        studyId: f.studyA.id,
        subjectId: f.subjectA.id,
        visitType: "unscheduled",
        scheduledAt: new Date("2025-03-04T05:06:07.089Z"),
        location: nasty,
        coordinatorId: f.users.coordA.id,
        windowStart: "2025-03-01",
        windowEnd: null,
        statusReason: null,
      })
      .returning();
    const fields = {
      id: visits.id,
      visitType: visits.visitType,
      scheduledAt: visits.scheduledAt,
      location: visits.location,
      windowStart: visits.windowStart,
      windowEnd: visits.windowEnd,
      statusReason: visits.statusReason,
      version: visits.version,
      flag: sql<boolean>`${visits.version} > 0`,
      nothing: sql<string | null>`null::text`,
      nested: { id: visits.subjectId, completedAt: visits.completedAt },
    };
    const [mapped] = await db.select(fields).from(visits).where(eq(visits.id, visit!.id));
    const [built] = await db.select({ json: sql<string>`${jsonObject(fields)}` }).from(visits).where(eq(visits.id, visit!.id));
    expect(JSON.parse(built!.json)).toEqual(JSON.parse(JSON.stringify(mapped)));
    expect(JSON.parse(built!.json).location).toBe(nasty);
  });

  it("puts only checked field names into the SQL text; values' parameters stay parameters", async () => {
    expect(() => jsonObject({ 'x":1,"y': visits.id })).toThrow(/unexpected key/);
    expect(() => jsonObject({ "a b": visits.id })).toThrow(/unexpected key/);
    const db = await getDb();
    const { sql: text, params } = db
      .select({ json: sql<string>`${jsonObject({ id: visits.id, label: sql<string>`${sql.placeholder("label")}::text`, fixed: sql<string>`${"'; drop table visits;--"}::text` })}` })
      .from(visits)
      .toSQL();
    expect(params).toEqual([sql.placeholder("label"), "'; drop table visits;--"]);
    expect(text).not.toContain("drop table");
  });
});
