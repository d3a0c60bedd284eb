/**
 * Visit fixtures: rows written straight into the database (not through the lib functions under
 * test), on top of twoSites().
 */
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, visits, type Visit } from "@/db/schema";
import type { twoSites } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof twoSites>>;

/** A visit of site A's subject (or site B's with `site: "B"`). */
export async function makeVisit(
  f: Fixture,
  values: Partial<typeof visits.$inferInsert> & { scheduledAt: Date },
  site: "A" | "B" = "A",
): Promise<Visit> {
  const subject = site === "A" ? f.subjectA : f.subjectB;
  const db = await getDb();
  const [visit] = await db
    .insert(visits)
    .values({
      siteId: subject.siteId,
      studyId: subject.studyId,
      subjectId: subject.id,
      visitType: "treatment",
      coordinatorId: subject.coordinatorId,
      ...values,
    })
    .returning();
  return visit!;
}

/** Row counts that a refused write must leave unchanged. */
export async function writeCounts() {
  const db = await getDb();
  const [v] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(visits);
  const [a] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents);
  return { visits: v!.n, audit: a!.n };
}
