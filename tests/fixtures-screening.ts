/**
 * Fixtures for the screening and dashboard tests, written straight into the database on top of
 * twoSites(): more subjects (with or without consent) and recorded screenings.
 */
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { auditEvents, screenings, subjects } from "@/db/schema";
import type { twoSites } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof twoSites>>;
let counter = 0;

export async function addSubject(f: Fixture, site: "A" | "B", values: Partial<typeof subjects.$inferInsert> = {}) {
  const db = await getDb();
  counter += 1;
  const [row] = await db
    .insert(subjects)
    .values({
      siteId: site === "A" ? f.siteA.id : f.siteB.id,
      studyId: site === "A" ? f.studyA.id : f.studyB.id,
      coordinatorId: site === "A" ? f.users.coordA.id : f.users.coordB.id,
      subjectId: `${site}-S${String(counter).padStart(3, "0")}`,
      fullName: `Subject ${site} ${counter}`,
      consentSignedAt: new Date("2025-01-10T15:00:00Z"),
      ...values,
    })
    .returning();
  return row!;
}

export async function addScreening(
  subject: typeof subjects.$inferSelect,
  completedById: string,
  values: Partial<typeof screenings.$inferInsert> = {},
) {
  const db = await getDb();
  const [row] = await db
    .insert(screenings)
    .values({
      siteId: subject.siteId,
      subjectId: subject.id,
      studyId: subject.studyId,
      screeningStatus: "pending",
      screeningDate: "2025-01-12",
      completedById,
      ...values,
    })
    .returning();
  return row!;
}

export async function countRows(table: PgTable): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table);
  return row!.n;
}

/** Row counts of what a screening write touches, to assert that a refusal wrote nothing. */
export async function writeCounts() {
  return { screenings: await countRows(screenings), audit: await countRows(auditEvents) };
}
