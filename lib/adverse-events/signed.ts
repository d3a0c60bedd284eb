/**
 * Whether an AE carries a live investigator signature (an e_signatures row not voided). The
 * policy lets coordinators edit an AE only while it is unsigned ("ae.update", resource.signed).
 */
import { sql } from "drizzle-orm";
import { adverseEvents, eSignatures } from "@/db/schema";

export const aeSignedSql = sql<boolean>`exists (select 1 from ${eSignatures} where ${eSignatures.entity} = 'adverse_event' and ${eSignatures.entityId} = ${adverseEvents.id} and ${eSignatures.voidedAt} is null)`;
