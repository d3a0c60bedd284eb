/** Records that a scheduled visit took place (completedAt defaults to now; never in the future). */
import type { Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { completeVisitSchema } from "../validation/visit";
import { parseFor, write } from "../write/road";
import { loadScheduledVisitForUpdate } from "./load-for-update";
import { siteDateTime } from "./site-time";

/** A minute of clock difference between a browser and the server is not "the future". */
const CLOCK_SKEW_MS = 60_000;

export async function completeVisit(actor: Actor, input: unknown, now = new Date()): Promise<Visit> {
  const data = parseFor(actor, "visit.update", completeVisitSchema, input);
  return write(actor, "visit.update", async (w) => {
    const { loaded, timeZone } = await loadScheduledVisitForUpdate(w, data.id, data.version, "completed");
    const completedAt = data.completedAt === undefined ? now : siteDateTime(data.completedAt, timeZone);
    if (!completedAt) {
      throw new ValidationError("Please correct the highlighted fields.", {
        completedAt: ["Enter a date and time that exists at the site."],
      });
    }
    if (completedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw new ValidationError("Please correct the highlighted fields.", { completedAt: ["A visit cannot be completed in the future."] });
    }
    return w.update(loaded, { visitStatus: "completed", completedAt }, { audit: "complete" });
  });
}
