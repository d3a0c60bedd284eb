/** Helpers for the admin tests: row counts that prove a refused write changed nothing. */
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, sites, studies, studySponsorAccess, visitScheduleItems } from "@/db/schema";

export async function adminCounts() {
  const db = await getDb();
  const n = sql<number>`count(*)`.mapWith(Number);
  const [[a], [s], [st], [v], [sp]] = await Promise.all([
    db.select({ n }).from(auditEvents),
    db.select({ n }).from(sites),
    db.select({ n }).from(studies),
    db.select({ n }).from(visitScheduleItems),
    db.select({ n }).from(studySponsorAccess),
  ]);
  return { audit: a!.n, sites: s!.n, studies: st!.n, schedule: v!.n, sponsorAccess: sp!.n };
}

/** The schedule editor's form fields, as FormData sends them (strings). */
export const itemFields = (overrides: Record<string, unknown> = {}) => ({
  code: "V1",
  name: "Visit 1",
  visitType: "treatment",
  dayOffset: "7",
  windowBefore: "2",
  windowAfter: "3",
  sortOrder: "1",
  ...overrides,
});

export const schedulePayload = (studyId: string, overrides: Record<string, unknown> = {}) => ({ studyId, ...itemFields(overrides) });
