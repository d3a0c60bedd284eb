/** Cancels a scheduled visit; the reason is required and stays on the visit and in the audit trail. */
import type { Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { cancelVisitSchema } from "../validation/visit";
import { parseFor, write } from "../write/road";
import { loadScheduledVisitForUpdate } from "./load-for-update";

export async function cancelVisit(actor: Actor, input: unknown): Promise<Visit> {
  const data = parseFor(actor, "visit.update", cancelVisitSchema, input);
  return write(actor, "visit.update", async (w) => {
    const { loaded } = await loadScheduledVisitForUpdate(w, data.id, data.version, "canceled");
    return w.update(loaded, { visitStatus: "canceled", statusReason: data.reason }, { audit: "cancel", reason: data.reason });
  });
}
