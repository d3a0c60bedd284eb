/**
 * Safety-review fixtures on top of twoSites() and the AE fixtures: row counts a refused signature
 * must leave unchanged, and the audit rows of one record.
 */
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, eSignatures } from "@/db/schema";

export async function signatureCounts(): Promise<{ signatures: number; audits: number }> {
  const db = await getDb();
  const [s] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(eSignatures);
  const [a] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents);
  return { signatures: s!.n, audits: a!.n };
}

export async function auditOf(entity: string, entityId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(auditEvents.seq);
}

export async function signaturesOf(entityId: string) {
  const db = await getDb();
  return db.select().from(eSignatures).where(eq(eSignatures.entityId, entityId)).orderBy(eSignatures.createdAt);
}
