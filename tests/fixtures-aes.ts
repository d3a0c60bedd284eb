/**
 * Adverse-event fixtures on top of twoSites(): consent on both subjects, AEs and signatures
 * written straight into the database (not through the lib functions under test).
 */
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { adverseEvents, auditEvents, eSignatures, subjects, type AdverseEvent } from "@/db/schema";
import type { twoSites } from "./fixtures";

type Sites = Awaited<ReturnType<typeof twoSites>>;

/** Consent at 2024-01-10 15:00 UTC: 10:00 in New York (site A), 15:00 in London (site B). */
export const CONSENT_AT = new Date("2024-01-10T15:00:00Z");

export async function consentBoth(f: Sites): Promise<void> {
  const db = await getDb();
  await db.update(subjects).set({ consentSignedAt: CONSENT_AT, status: "enrolled" }).where(eq(subjects.id, f.subjectA.id));
  await db.update(subjects).set({ consentSignedAt: CONSENT_AT, status: "enrolled" }).where(eq(subjects.id, f.subjectB.id));
}

/** The AE form as the web app posts it: a serious AE of subject A, aware 2024-02-02 09:30 site time. */
export const seriousAeForm = (f: Sites) => ({
  subjectId: f.subjectA.id,
  eventTerm: "Pneumonia",
  severity: "severe",
  grade: "3",
  serious: "on",
  seriousnessCriteria: ["hospitalization"],
  onsetDate: "2024-02-01",
  awareAt: "2024-02-02T09:30",
  outcome: "",
  endDate: "",
  status: "",
});

/** An AE of subject A (site A) unless told otherwise. */
export async function insertAe(f: Sites, values: Partial<typeof adverseEvents.$inferInsert> = {}): Promise<AdverseEvent> {
  const db = await getDb();
  const [row] = await db
    .insert(adverseEvents)
    .values({
      siteId: f.siteA.id,
      studyId: f.studyA.id,
      subjectId: f.subjectA.id,
      eventTerm: "Headache",
      severity: "mild",
      grade: 1,
      serious: false,
      onsetDate: "2024-02-01",
      awareAt: new Date("2024-02-01T14:00:00Z"),
      reportedById: f.users.coordA.id,
      ...values,
    })
    .returning();
  return row!;
}

export async function signAe(ae: AdverseEvent, signerId: string): Promise<void> {
  const db = await getDb();
  await db.insert(eSignatures).values({
    siteId: ae.siteId,
    entity: "adverse_event",
    entityId: ae.id,
    signerId,
    printedName: "Investigator",
    meaning: "Reviewed and assessed",
    contentHash: "x",
  });
}

/** Row counts that a refused write must leave unchanged. */
export async function aeCounts(): Promise<{ aes: number; audits: number; versions: number }> {
  const db = await getDb();
  const [a] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number), v: sql<number>`coalesce(sum(${adverseEvents.version}), 0)`.mapWith(Number) })
    .from(adverseEvents);
  const [b] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents);
  return { aes: a!.n, audits: b!.n, versions: a!.v };
}
