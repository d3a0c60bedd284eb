/** Cancels a scheduled visit; the reason is required and stays on the visit and in the audit trail. */
import { visits, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { scopeWhere } from "../policy";
import { cancelVisitSchema } from "../validation/visit";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";
import { loadScheduledVisitForUpdate } from "./load-for-update";

export async function cancelVisit(actor: Actor, input: unknown): Promise<Visit> {
  const data = parseOrThrow(cancelVisitSchema, input);
  return transact(async (tx) => {
    const { visit } = await loadScheduledVisitForUpdate(tx, actor, data.id, data.version, "canceled");
    const { before, after } = await updateVersioned(
      tx,
      visits,
      visit.id,
      data.version,
      { visitStatus: "canceled", statusReason: data.reason },
      scopeWhere(actor, visits),
    );
    await recordChange(tx, actor, { entity: "visit", action: "cancel", before, after, reason: data.reason });
    return after;
  });
}
