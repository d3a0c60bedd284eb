/** Screenings: the notes and the fail reason are free text about the person, withheld from sponsors. */
import "server-only";
import { eq, getTableColumns } from "drizzle-orm";
import { screenings, studies, subjects } from "@/db/schema";
import { includes, readModel } from "./model";
import { studyEmbed } from "./study";
import { subjectEmbed } from "./subject";
import { completedBy, userEmbed } from "./user";

export const screeningModel = readModel({
  audit: "screening", read: "screening.read",
  columns: getTableColumns(screenings),
  identifying: { notes: "withhold", failReason: "withhold", retireReason: "withhold" },
});

export const screeningJoins = {
  subject: [subjects, eq(subjects.id, screenings.subjectId)],
  study: [studies, eq(studies.id, screenings.studyId)],
  completedBy: [completedBy, eq(completedBy.id, screenings.completedById)],
} as const;

export const screeningIncludes = includes({
  subject: { join: screeningJoins.subject, fields: subjectEmbed },
  study: { join: screeningJoins.study, fields: studyEmbed },
  completedBy: { join: screeningJoins.completedBy, fields: () => userEmbed(completedBy) },
});
