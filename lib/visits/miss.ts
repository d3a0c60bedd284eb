/** Marks a scheduled visit as missed (the subject did not come), with an optional reason. */
import { visits, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ValidationError } from "../errors";
import { scopeWhere } from "../policy";
import { missVisitSchema } from "../validation/visit";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";
import { loadScheduledVisitForUpdate } from "./load-for-update";

export async function missVisit(actor: Actor, input: unknown, now = new Date()): Promise<Visit> {
  const data = parseOrThrow(missVisitSchema, input);
  return transact(async (tx) => {
    const { visit } = await loadScheduledVisitForUpdate(tx, actor, data.id, data.version, "marked missed");
    // A visit still ahead cannot have been missed yet; canceling is the word for that.
    if (visit.scheduledAt.getTime() > now.getTime()) {
      throw new ValidationError("This visit is still ahead: cancel it instead of marking it missed.", {
        form: ["Only a visit whose time has passed can be marked missed."],
      });
    }
    const { before, after } = await updateVersioned(
      tx,
      visits,
      visit.id,
      data.version,
      { visitStatus: "missed", statusReason: data.reason },
      scopeWhere(actor, visits),
    );
    await recordChange(tx, actor, { entity: "visit", action: "miss", before, after, reason: data.reason });
    return after;
  });
}
