/**
 * The e-signatures of one record, live and voided, newest first, with the signer's and voider's
 * names — what a record's page shows so a void is visible (who, when, why). One query. The caller
 * has already loaded the record through its site-scoped query; its facts are checked again here.
 */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { eSignatures, users } from "@/db/schema";
import type { Actor } from "../actor";
import { authorize } from "../policy";
import type { SignatureEntity } from "./void";

const voider = alias(users, "signature_voider");

export async function listSignatures(actor: Actor, record: { entity: SignatureEntity; id: string; siteId: string; studyId: string }) {
  authorize(actor, record.entity === "adverse_event" ? "ae.read" : "screening.read", { siteId: record.siteId, studyId: record.studyId });
  const db = await getDb();
  return db
    .select({
      id: eSignatures.id,
      printedName: eSignatures.printedName,
      signedAt: eSignatures.signedAt,
      meaning: eSignatures.meaning,
      contentHash: eSignatures.contentHash,
      voidedAt: eSignatures.voidedAt,
      voidReason: eSignatures.voidReason,
      voidedByName: voider.displayName,
    })
    .from(eSignatures)
    .leftJoin(voider, eq(voider.id, eSignatures.voidedById))
    .where(and(eq(eSignatures.entity, record.entity), eq(eSignatures.entityId, record.id), eq(eSignatures.siteId, record.siteId)))
    .orderBy(desc(eSignatures.signedAt));
}
export type SignatureRow = Awaited<ReturnType<typeof listSignatures>>[number];
