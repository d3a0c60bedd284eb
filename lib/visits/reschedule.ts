/** Moves a scheduled visit to a new time, with a reason; the audit trail keeps every earlier time. */
import type { Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { rescheduleVisitSchema } from "../validation/visit";
import { parseFor, write } from "../write/road";
import { loadScheduledVisitForUpdate } from "./load-for-update";
import { checkVisitTime } from "./time-rules";

export async function rescheduleVisit(actor: Actor, input: unknown, now = new Date()): Promise<Visit> {
  const data = parseFor(actor, "visit.update", rescheduleVisitSchema, input);
  return write(actor, "visit.update", async (w) => {
    const { loaded, visit, timeZone } = await loadScheduledVisitForUpdate(w, data.id, data.version, "rescheduled");
    const errors: Record<string, string[]> = {};
    const scheduledAt = checkVisitTime(errors, "scheduledAt", data.scheduledAt, timeZone, now);
    if (scheduledAt && scheduledAt.getTime() === visit.scheduledAt.getTime()) {
      errors.scheduledAt = ["This is the time it is already scheduled for; choose a new one."];
    }
    if (Object.keys(errors).length > 0 || !scheduledAt) throw new ValidationError("Please correct the highlighted fields.", errors);
    return w.update(loaded, { scheduledAt }, { audit: "reschedule", reason: data.reason });
  });
}
