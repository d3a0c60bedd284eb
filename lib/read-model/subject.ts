/**
 * Subjects: the person in the trial. Their name, full date of birth, when they consented and any
 * reason written about them identify them; a sponsor gets the study's subject code and the year
 * of birth instead.
 */
import "server-only";
import { getTableColumns } from "drizzle-orm";
import { subjects } from "@/db/schema";
import type { Actor } from "../actor";
import { joinTo, studyAndSiteJoins, type Join } from "./joins";
import { includes, readModel } from "./model";
import { studyEmbed } from "./study";
import { coordinator, personInclude } from "./user";

export const subjectModel = readModel({
  audit: "subject", read: "subject.read",
  columns: getTableColumns(subjects),
  identifying: { fullName: "withhold", dob: "year", consentSignedAt: "withhold", withdrawalReason: "withhold", exitReason: "withhold", retireReason: "withhold" },
});

/** A subject embedded in another record (API `include=subject`). */
export const SUBJECT_EMBED = ["id", "subjectId", "fullName", "dob", "sexAtBirth", "screeningStatus", "status", "studyId"] as const;
export const subjectEmbed = (actor: Actor) => subjectModel.pick(actor, SUBJECT_EMBED);

/** The subject's own relations, joined by the pages (for names) and by the API's includes. */
export const subjectJoins = {
  ...studyAndSiteJoins(subjects),
  coordinator: joinTo(coordinator, subjects.coordinatorId),
};

export const subjectIncludes = includes({
  study: { join: subjectJoins.study, fields: studyEmbed },
  coordinator: personInclude(subjectJoins.coordinator),
});

/** What a subject's record (a screening, visit or AE) embeds of its subject and its study. */
export function subjectAndStudyIncludes(joins: { subject: Join; study: Join }) {
  return {
    subject: { join: joins.subject, fields: subjectEmbed },
    study: { join: joins.study, fields: studyEmbed },
  };
}
