/**
 * Editing a scheduled visit's details — its time, location, coordinator or type — with a reason
 * for the change. Only what was sent changes; a time change is audited as a reschedule. (The
 * calendar's reschedule form goes through rescheduleVisit, which keeps its own messages.)
 */
import { z } from "zod";
import type { Visit } from "@/db/schema";
import { VISIT_TYPES } from "@/domain/vocabulary";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { isActiveSiteStaff } from "../users/site-staff";
import { dateTime, nullableField, reason, recordId, version } from "../validation/fields";
import { parseFor, write } from "../write/road";
import { loadScheduledVisitForUpdate } from "./load-for-update";
import { checkVisitTime } from "./time-rules";

export const editVisitSchema = z
  .object({
    id: recordId("Choose an existing visit."),
    version,
    reason: reason(),
    scheduledAt: dateTime("new date and time").optional(),
    location: nullableField(z.string().trim().max(200, "Use at most 200 characters.")).optional(),
    coordinatorId: recordId("Choose a coordinator.").optional(),
    visitType: z.enum(VISIT_TYPES, { error: "Choose a visit type." }).optional(),
  })
  .strict();

export async function editVisit(actor: Actor, input: unknown, now = new Date()): Promise<Visit> {
  const data = parseFor(actor, "visit.update", editVisitSchema, input);
  return write(actor, "visit.update", async (w) => {
    const { loaded, visit, timeZone } = await loadScheduledVisitForUpdate(w, data.id, data.version, "edited");
    const errors: Record<string, string[]> = {};
    const values: Partial<Visit> = {};
    if (data.scheduledAt !== undefined) {
      const scheduledAt = checkVisitTime(errors, "scheduledAt", data.scheduledAt, timeZone, now);
      if (scheduledAt && scheduledAt.getTime() !== visit.scheduledAt.getTime()) values.scheduledAt = scheduledAt;
    }
    if (data.location !== undefined && data.location !== visit.location) values.location = data.location;
    if (data.visitType !== undefined && data.visitType !== visit.visitType) values.visitType = data.visitType;
    if (data.coordinatorId !== undefined && data.coordinatorId !== visit.coordinatorId) {
      if (await isActiveSiteStaff(w.tx, visit.siteId, data.coordinatorId)) values.coordinatorId = data.coordinatorId;
      else errors.coordinatorId = ["Choose an active coordinator or investigator of this site."];
    }
    if (Object.keys(errors).length > 0) throw new ValidationError("Please correct the highlighted fields.", errors);
    if (Object.keys(values).length === 0) throw new ValidationError("Nothing changed: edit a field before saving.");
    const audit = Object.keys(values).length === 1 && values.scheduledAt ? "reschedule" : "update";
    return w.update(loaded, values, { audit, reason: data.reason });
  });
}
