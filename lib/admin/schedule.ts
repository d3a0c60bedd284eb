/**
 * The visit-schedule editor: a study's planned visits (code, name, type, day offset, window, order).
 * Items are retired, never deleted — visits already planned from them keep their scheduleItemId —
 * and enrolling a subject plans only the items not retired (lib/subjects/planned-visits.ts).
 */
import type { VisitScheduleItem } from "@/db/schema";
import type { Actor } from "../actor";
import { isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { FIX_FIELDS } from "../subjects/rules";
import { addScheduleItemSchema, changeScheduleItemSchema, retireScheduleItemSchema, updateScheduleItemSchema } from "../validation/admin";
import { parseFor, write, type Writer } from "../write/road";

const CODE_TAKEN = new ValidationError(FIX_FIELDS, { code: ["This study already has a visit with this code."] });

/** The study a schedule item belongs to: its site is the audit row's site. */
async function studyOf(w: Writer, studyId: string) {
  const { row } = await w.load("study", studyId, { lock: "share", notFound: "Study not found." });
  return row;
}

async function withCodeCheck<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isUniqueViolation(error)) throw CODE_TAKEN;
    throw error;
  }
}

export async function addScheduleItem(actor: Actor, input: unknown): Promise<VisitScheduleItem> {
  const data = parseFor(actor, "study.manage", addScheduleItemSchema, input);
  return withCodeCheck(() =>
    write(actor, "study.manage", async (w) => {
      const study = await studyOf(w, data.studyId);
      return w.insert("visit_schedule_item", data, { siteId: study.siteId });
    }),
  );
}

/** Edits an item still in use. Visits already planned keep their dates; the change applies to later enrollments. */
function editScheduleItem(schema: typeof updateScheduleItemSchema | typeof changeScheduleItemSchema) {
  return async (actor: Actor, input: unknown): Promise<VisitScheduleItem> => {
    const { id, version, ...values } = parseFor(actor, "study.manage", schema, input);
    return withCodeCheck(() =>
      write(actor, "study.manage", async (w) => {
        const loaded = await w.load("visit_schedule_item", id, { version, includeRetired: true });
        if (loaded.row.retiredAt) throw new ValidationError("This visit is retired; add a new one instead.");
        const study = await studyOf(w, loaded.row.studyId);
        return w.update(loaded, values, { audit: "update", siteId: study.siteId });
      }),
    );
  };
}

/** The editor's save: every field. */
export const updateScheduleItem = editScheduleItem(updateScheduleItemSchema);
/** The API's PATCH: the fields sent change, the rest keep their values (merged on the locked row). */
export const changeScheduleItem = editScheduleItem(changeScheduleItemSchema);

/** Retires an item with a reason: later enrollments no longer plan it. */
export async function retireScheduleItem(actor: Actor, input: unknown): Promise<VisitScheduleItem> {
  const { id, version, reason } = parseFor(actor, "study.manage", retireScheduleItemSchema, input);
  return write(actor, "study.manage", async (w) => {
    const loaded = await w.load("visit_schedule_item", id, { version, includeRetired: true });
    if (loaded.row.retiredAt) throw new ValidationError("This visit is already retired.");
    const study = await studyOf(w, loaded.row.studyId);
    return w.update(loaded, { retiredAt: new Date(), retireReason: reason, retiredById: actor.id }, { audit: "retire", reason, siteId: study.siteId });
  });
}
