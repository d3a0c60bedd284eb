import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { visits } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { jsonObject } from "./json-select";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
});

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
});
