/**
 * Recording a screening outcome (the screening queue's "Record outcome", later POST /screenings):
 * one transaction inserts the screening with the subject's study and site and moves the subject's
 * screeningStatus (and lifecycle status) with it, under the subject's version check.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { subjects } from "@/db/schema";
import type { Actor } from "../actor";
import { siteToday } from "../dates";
import { ValidationError } from "../errors";
import { formatDate } from "../format";
import { recordScreeningSchema } from "../validation/screening";
import { qualified, siteTimeZoneOf } from "../write/extra";
import { parseFor, write, type Writer } from "../write/road";
import { outcomeErrors, SCREENING_STAGE, subjectStatusAfter } from "./rules";

const SUBJECT_CHANGED = "Someone else changed this subject after you opened the form. Their values are below; check them, then record again.";

/** The subject, locked and authorised, with its site's time zone and its latest screening date — or not found. */
async function lockSubject(w: Writer, id: string) {
  const loaded = await w.load("subject", id, {
    notFound: "Subject not found",
    extra: {
      timezone: siteTimeZoneOf(subjects.siteId),
      latestScreeningDate: sql<string | null>`(select max("screenings"."screening_date")::text from "screenings"
        where "screenings"."subject_id" = ${qualified(subjects.id)} and "screenings"."retired_at" is null)`,
    },
  });
  return { loaded, subject: loaded.row, ...loaded.extra };
}

/** What a person needs to see when someone else changed the subject first. */
export function subjectConflictView(s: typeof subjects.$inferSelect) {
  return {
    subjectId: s.subjectId,
    screeningStatus: s.screeningStatus,
    status: s.status,
    consentSignedAt: s.consentSignedAt?.toISOString() ?? null,
    version: s.version,
  };
}

export async function recordScreening(actor: Actor, input: unknown) {
  const data = parseFor(actor, "screening.record", recordScreeningSchema, input);

  return write(actor, "screening.record", async (w) => {
    const { tx } = w;
    const { loaded, subject, timezone, latestScreeningDate } = await lockSubject(w, data.subjectId);
    w.assertVersion(loaded, data.subjectVersion, SUBJECT_CHANGED, subjectConflictView(subject));

    if (!SCREENING_STAGE.includes(subject.status)) {
      throw new ValidationError(`Subject ${subject.subjectId} is ${subject.status.replace(/_/g, " ")}; screening is closed.`, {
        screeningStatus: ["Screening is closed for this subject."],
      });
    }
    const outcome = {
      screeningStatus: data.screeningStatus,
      screeningDate: data.screeningDate ?? siteToday(timezone),
      completedById: data.completedById ?? actor.id,
    };
    const errors = await outcomeErrors(tx, { siteId: subject.siteId, timezone, consentSignedAt: subject.consentSignedAt }, outcome, actor.id);
    // The new screening becomes the subject's latest, so the queue and the subject agree.
    if (latestScreeningDate && outcome.screeningDate < latestScreeningDate) {
      (errors.screeningDate ??= []).push(`A screening dated ${formatDate(latestScreeningDate)} is already recorded; use that date or a later one.`);
    }
    if (Object.keys(errors).length > 0) throw new ValidationError("Please correct the highlighted fields.", errors);

    const screening = await w.insert("screening", {
      siteId: subject.siteId,
      subjectId: subject.id,
      studyId: subject.studyId,
      ...outcome,
      notes: data.notes ?? null,
      failReason: data.screeningStatus === "failed" ? data.failReason! : null,
    });
    const after = await w.update(
      loaded,
      { screeningStatus: data.screeningStatus, status: subjectStatusAfter(subject.status, data.screeningStatus) },
      { audit: "screening" },
    );
    return { screening, subject: after };
  });
}
