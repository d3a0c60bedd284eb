/** Marks a scheduled visit as missed (the subject did not come), with an optional reason. */
import type { Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { missVisitSchema } from "../validation/visit";
import { parseFor, write } from "../write/road";
import { loadScheduledVisitForUpdate } from "./load-for-update";

export async function missVisit(actor: Actor, input: unknown, now = new Date()): Promise<Visit> {
  const data = parseFor(actor, "visit.update", missVisitSchema, input);
  return write(actor, "visit.update", async (w) => {
    const { loaded, visit } = await loadScheduledVisitForUpdate(w, data.id, data.version, "marked missed");
    // A visit still ahead cannot have been missed yet; canceling is the word for that.
    if (visit.scheduledAt.getTime() > now.getTime()) {
      throw new ValidationError("This visit is still ahead: cancel it instead of marking it missed.", {
        form: ["Only a visit whose time has passed can be marked missed."],
      });
    }
    return w.update(loaded, { visitStatus: "missed", statusReason: data.reason }, { audit: "miss", reason: data.reason });
  });
}
