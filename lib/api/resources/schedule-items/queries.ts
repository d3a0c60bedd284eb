/** Visit schedule items as the API returns them: administrators only (study.manage), retired ones included. */
import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { type Db } from "@/db";
import { visitScheduleItems } from "@/db/schema";
import type { Actor } from "../../../actor";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { SCHEDULE_ITEM_FIELDS, scheduleItemColumns, type SCHEDULE_ORDER, type ScheduleItemListQuery } from "./schema";

const ORDER: Record<(typeof SCHEDULE_ORDER)[number], OrderField> = {
  sortOrder: { column: visitScheduleItems.sortOrder, cast: "integer" },
  code: { column: visitScheduleItems.code, cast: "text" },
  createdAt: { column: visitScheduleItems.createdAt, cast: "timestamptz" },
};

// Schedules are set up by administrators, who see every study's (study.manage, asked by the reader first).
function select(db: Db, _actor: Actor, where: SQL | undefined, _include: ReadonlySet<string>, key: SQL<string>) {
  return db
    .select({ ...scheduleItemColumns.pick(SCHEDULE_ITEM_FIELDS), _key: key })
    .from(visitScheduleItems)
    .where(where)
    .$dynamic();
}

const reader = resourceReader({
  read: "study.manage",
  notFound: "Visit schedule item not found.",
  idColumn: visitScheduleItems.id,
  order: ORDER,
  select,
  filters: listFilters<ScheduleItemListQuery>()({
    studyId: (v) => eq(visitScheduleItems.studyId, v),
  }),
});

export const listScheduleItemResources = reader.list;
export const listScheduleItemResourcesJson = reader.listJson;
export const getScheduleItemResource = reader.get;
