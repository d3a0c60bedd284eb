/**
 * The visit-schedule editor: a study's planned visits (code, name, type, day offset, window, order).
 * Items are retired, never deleted — visits already planned from them keep their scheduleItemId —
 * and enrolling a subject plans only the items not retired (lib/subjects/planned-visits.ts).
 */
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { studies, visitScheduleItems, type VisitScheduleItem } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { isUniqueViolation } from "../db-errors";
import { NotFoundError, ValidationError } from "../errors";
import { authorize } from "../policy";
import { FIX_FIELDS } from "../subjects/rules";
import { addScheduleItemSchema, retireScheduleItemSchema, updateScheduleItemSchema } from "../validation/admin";
import { updateVersioned } from "../versioned";
import { transact } from "../write";
import { recordStudyPartChange } from "./record-study-part";

const CODE_TAKEN = new ValidationError(FIX_FIELDS, { code: ["This study already has a visit with this code."] });

async function studyOf(tx: Tx, studyId: string) {
  const [study] = await tx.select({ id: studies.id, siteId: studies.siteId }).from(studies).where(eq(studies.id, studyId));
  if (!study) throw new NotFoundError("Study not found.");
  return study;
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
  authorize(actor, "study.manage");
  const data = parseOrThrow(addScheduleItemSchema, input);
  return withCodeCheck(() =>
    transact(async (tx) => {
      const study = await studyOf(tx, data.studyId);
      authorize(actor, "study.manage", { siteId: study.siteId, studyId: study.id });
      const [created] = await tx.insert(visitScheduleItems).values(data).returning();
      await recordStudyPartChange(tx, actor, {
        entity: "visit_schedule_item",
        entityId: created!.id,
        study,
        action: "create",
        before: null,
        after: created!,
      });
      return created!;
    }),
  );
}

/** Edits an item still in use. Visits already planned keep their dates; the change applies to later enrollments. */
export async function updateScheduleItem(actor: Actor, input: unknown): Promise<VisitScheduleItem> {
  authorize(actor, "study.manage");
  const { id, version, ...values } = parseOrThrow(updateScheduleItemSchema, input);
  return withCodeCheck(() =>
    transact(async (tx) => {
      const { before, after } = await updateVersioned(tx, visitScheduleItems, id, version, values);
      if (before.retiredAt) throw new ValidationError("This visit is retired; add a new one instead.");
      const study = await studyOf(tx, after.studyId);
      await recordStudyPartChange(tx, actor, { entity: "visit_schedule_item", entityId: id, study, action: "update", before, after });
      return after;
    }),
  );
}

/** Retires an item with a reason: later enrollments no longer plan it. */
export async function retireScheduleItem(actor: Actor, input: unknown): Promise<VisitScheduleItem> {
  authorize(actor, "study.manage");
  const { id, version, reason } = parseOrThrow(retireScheduleItemSchema, input);
  return transact(async (tx) => {
    const { before, after } = await updateVersioned(tx, visitScheduleItems, id, version, { retiredAt: new Date(), retireReason: reason });
    if (before.retiredAt) throw new ValidationError("This visit is already retired.");
    const study = await studyOf(tx, after.studyId);
    await recordStudyPartChange(tx, actor, { entity: "visit_schedule_item", entityId: id, study, action: "retire", before, after, reason });
    return after;
  });
}
