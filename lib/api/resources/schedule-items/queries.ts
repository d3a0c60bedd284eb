/** Visit schedule items as the API returns them: administrators only (study.manage), retired ones included. */
import "server-only";
import { eq } from "drizzle-orm";
import { visitScheduleItems } from "@/db/schema";
import { listFilters, resourceReader } from "../../resource-reader";
import { SCHEDULE_ITEM_FIELDS, scheduleItemColumns, SCHEDULE_ORDER, type ScheduleItemListQuery } from "./schema";

// Schedules are set up by administrators, who see every study's (study.manage, asked by the reader first).
export const scheduleItemReader = resourceReader(scheduleItemColumns, SCHEDULE_ITEM_FIELDS, {
  noun: "visit schedule item",
  order: SCHEDULE_ORDER,
  filters: listFilters<ScheduleItemListQuery>()({ studyId: (v) => eq(visitScheduleItems.studyId, v) }),
});
