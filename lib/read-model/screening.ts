/** Screenings: the notes and the fail reason are free text about the person, withheld from sponsors. */
import "server-only";
import { getTableColumns } from "drizzle-orm";
import { screenings } from "@/db/schema";
import { joinTo, subjectRecordJoins } from "./joins";
import { includes, readModel } from "./model";
import { subjectAndStudyIncludes } from "./subject";
import { completedBy, personInclude } from "./user";

export const screeningModel = readModel({
  audit: "screening", read: "screening.read",
  columns: getTableColumns(screenings),
  identifying: { notes: "withhold", failReason: "withhold", retireReason: "withhold" },
});

export const screeningJoins = {
  ...subjectRecordJoins(screenings),
  completedBy: joinTo(completedBy, screenings.completedById),
};

export const screeningIncludes = includes({
  ...subjectAndStudyIncludes(screeningJoins),
  completedBy: personInclude(screeningJoins.completedBy),
});
