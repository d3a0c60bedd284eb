/** Records that a scheduled visit took place (completedAt defaults to now; never in the future). */
import { visits, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ValidationError } from "../errors";
import { scopeWhere } from "../policy";
import { completeVisitSchema } from "../validation/visit";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";
import { loadScheduledVisitForUpdate } from "./load-for-update";
import { siteDateTime } from "./site-time";

/** A minute of clock difference between a browser and the server is not "the future". */
const CLOCK_SKEW_MS = 60_000;

export async function completeVisit(actor: Actor, input: unknown, now = new Date()): Promise<Visit> {
  const data = parseOrThrow(completeVisitSchema, input);
  return transact(async (tx) => {
    const { visit, timeZone } = await loadScheduledVisitForUpdate(tx, actor, data.id, data.version, "completed");
    const completedAt = data.completedAt === undefined ? now : siteDateTime(data.completedAt, timeZone);
    if (!completedAt) {
      throw new ValidationError("Please correct the highlighted fields.", {
        completedAt: ["Enter a date and time that exists at the site."],
      });
    }
    if (completedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw new ValidationError("Please correct the highlighted fields.", { completedAt: ["A visit cannot be completed in the future."] });
    }
    const { before, after } = await updateVersioned(
      tx,
      visits,
      visit.id,
      data.version,
      { visitStatus: "completed", completedAt },
      scopeWhere(actor, visits),
    );
    await recordChange(tx, actor, { entity: "visit", action: "complete", before, after });
    return after;
  });
}
