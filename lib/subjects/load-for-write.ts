/**
 * The one way writes reach an existing subject, on the write road: through the policy's site
 * scope (a foreign site's subject, or a retired one, is "not found" before anything else is said
 * about it), locked, authorised with the write's own action, version checked — with the study's
 * status and the site's time zone that the subject rules need.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { subjects, type STUDY_STATUSES } from "@/db/schema";
import { qualified, siteTimeZoneOf } from "../write/extra";
import type { Writer, WriteAction } from "../write/road";

export const SUBJECT_CONFLICT = "Someone else saved this subject after you opened it. Review their changes below, then try again.";

export async function loadSubjectForWrite(
  w: Writer,
  id: string,
  options: { version?: number; action?: WriteAction; lock?: "update" | "share" } = {},
) {
  const loaded = await w.load("subject", id, {
    ...options,
    notFound: "Subject not found.",
    conflict: SUBJECT_CONFLICT,
    extra: {
      studyStatus: sql<(typeof STUDY_STATUSES)[number]>`(select "studies"."status" from "studies" where "studies"."id" = ${qualified(subjects.studyId)})`,
      timeZone: siteTimeZoneOf(subjects.siteId),
    },
  });
  return { loaded, subject: loaded.row, studyStatus: loaded.extra.studyStatus, timeZone: loaded.extra.timeZone };
}
