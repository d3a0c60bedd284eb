/**
 * Visits: the reason a visit was canceled or missed is free text (it may name people), withheld
 * from sponsors. The two flags are the visit's own SQL (lib/visits/flags) and need `sites` joined.
 */
import "server-only";
import { eq, getTableColumns } from "drizzle-orm";
import { sites, studies, subjects, visitScheduleItems, visits } from "@/db/schema";
import { includes, readModel } from "./model";
import { studyEmbed } from "./study";
import { subjectEmbed } from "./subject";
import { coordinator, userEmbed } from "./user";

export const visitModel = readModel({
  audit: "visit", read: "visit.read",
  columns: getTableColumns(visits),
  identifying: { statusReason: "withhold", retireReason: "withhold" },
});

export const visitJoins = {
  subject: [subjects, eq(subjects.id, visits.subjectId)],
  study: [studies, eq(studies.id, visits.studyId)],
  coordinator: [coordinator, eq(coordinator.id, visits.coordinatorId)],
  site: [sites, eq(sites.id, visits.siteId)],
  scheduleItem: [visitScheduleItems, eq(visitScheduleItems.id, visits.scheduleItemId)],
} as const;

export const visitIncludes = includes({
  subject: { join: visitJoins.subject, fields: subjectEmbed },
  study: { join: visitJoins.study, fields: studyEmbed },
  coordinator: { join: visitJoins.coordinator, fields: () => userEmbed(coordinator) },
});
