/** Moves a scheduled visit to a new time, with a reason; the audit trail keeps every earlier time. */
import { visits, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ValidationError } from "../errors";
import { scopeWhere } from "../policy";
import { rescheduleVisitSchema } from "../validation/visit";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";
import { loadScheduledVisitForUpdate } from "./load-for-update";
import { checkVisitTime } from "./time-rules";

export async function rescheduleVisit(actor: Actor, input: unknown, now = new Date()): Promise<Visit> {
  const data = parseOrThrow(rescheduleVisitSchema, input);
  return transact(async (tx) => {
    const { visit, timeZone } = await loadScheduledVisitForUpdate(tx, actor, data.id, data.version, "rescheduled");
    const errors: Record<string, string[]> = {};
    const scheduledAt = checkVisitTime(errors, "scheduledAt", data.scheduledAt, timeZone, now);
    if (scheduledAt && scheduledAt.getTime() === visit.scheduledAt.getTime()) {
      errors.scheduledAt = ["This is the time it is already scheduled for; choose a new one."];
    }
    if (Object.keys(errors).length > 0 || !scheduledAt) throw new ValidationError("Please correct the highlighted fields.", errors);
    const { before, after } = await updateVersioned(tx, visits, visit.id, data.version, { scheduledAt }, scopeWhere(actor, visits));
    await recordChange(tx, actor, { entity: "visit", action: "reschedule", before, after, reason: data.reason });
    return after;
  });
}
