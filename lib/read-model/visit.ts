/**
 * Visits: the reason a visit was canceled or missed is free text (it may name people), withheld
 * from sponsors. The two flags are the visit's own SQL (lib/visits/flags) and need `sites` joined.
 */
import "server-only";
import { getTableColumns } from "drizzle-orm";
import { visitScheduleItems, visits } from "@/db/schema";
import { joinTo, subjectRecordJoins } from "./joins";
import { includes, readModel } from "./model";
import { subjectAndStudyIncludes } from "./subject";
import { coordinator, personInclude } from "./user";

export const visitModel = readModel({
  audit: "visit", read: "visit.read",
  columns: getTableColumns(visits),
  identifying: { statusReason: "withhold", retireReason: "withhold" },
});

export const visitJoins = {
  ...subjectRecordJoins(visits),
  coordinator: joinTo(coordinator, visits.coordinatorId),
  scheduleItem: joinTo(visitScheduleItems, visits.scheduleItemId),
};

export const visitIncludes = includes({
  ...subjectAndStudyIncludes(visitJoins),
  coordinator: personInclude(visitJoins.coordinator),
});
