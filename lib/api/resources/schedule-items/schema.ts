import "server-only";
import { getTableColumns } from "drizzle-orm";
import { z } from "zod";
import { visitScheduleItems } from "@/db/schema";
import { addScheduleItemSchema, changeScheduleItemSchema, retireScheduleItemSchema } from "../../../validation/admin";
import { withoutId } from "../../http/command";
import { listQueryShape } from "../../list";
import { columnsModel } from "../columns-model";
import { modelSchema, RECORD_FIELDS, uuid, versionField } from "../common";

export const scheduleItemColumns = columnsModel(getTableColumns(visitScheduleItems), "study.manage");
/** ./queries.ts selects exactly these. */
export const SCHEDULE_ITEM_FIELDS = [
  ...RECORD_FIELDS,
  ...["studyId", "code", "name", "visitType", "dayOffset", "windowBefore", "windowAfter", "sortOrder", "retiredAt", "retireReason", "retiredById"],
] as const;

/**
 * A study's planned visit. Retired items are listed and read like the others, with `retiredAt`:
 * retiring one is a protocol change, not a correction, and visits planned from it keep pointing at it.
 */
export const ScheduleItem = modelSchema("ScheduleItem", scheduleItemColumns, SCHEDULE_ITEM_FIELDS, {
  dayOffset: "Days from enrollment.",
  retiredAt: "Set once retired: later enrollments no longer plan it.",
});

export const SCHEDULE_ORDER = ["sortOrder", "code", "createdAt"] as const;
export const SCHEDULE_INCLUDE = [] as const;

export const ScheduleItemListQuery = z
  .object({
    studyId: uuid.optional(),
    ...listQueryShape({ order: SCHEDULE_ORDER, defaultOrder: "sortOrder", include: SCHEDULE_INCLUDE }),
  })
  .strict();
export type ScheduleItemListQuery = z.output<typeof ScheduleItemListQuery>;

export const ScheduleItemInput = addScheduleItemSchema.meta({ id: "ScheduleItemInput" });
/** PATCH: the fields to change and the version read; the rest stays as it is. */
export const ScheduleItemPatch = withoutId(changeScheduleItemSchema).extend({ version: versionField }).meta({ id: "ScheduleItemPatch" });
export const ScheduleItemRetireInput = withoutId(retireScheduleItemSchema).meta({ id: "ScheduleItemRetireInput" });
