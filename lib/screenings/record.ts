/**
 * Recording a screening outcome (the screening queue's "Record outcome", later POST /screenings):
 * one transaction inserts the screening with the subject's study and site and moves the subject's
 * screeningStatus (and lifecycle status) with it, under the subject's version check.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { screenings, sites, subjects } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { siteToday } from "../dates";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { formatDate } from "../format";
import { authorize, scopeWhere } from "../policy";
import { recordScreeningSchema } from "../validation/screening";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";
import { outcomeErrors, SCREENING_STAGE, subjectStatusAfter } from "./rules";

/** The subject, locked, with its site's time zone and its latest screening date — or not found. */
async function lockSubject(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({
      subject: subjects,
      timezone: sites.timezone,
      latestScreeningDate: sql<string | null>`(select max(${screenings.screeningDate})::text from ${screenings}
        where ${screenings.subjectId} = ${subjects.id} and ${screenings.retiredAt} is null)`,
    })
    .from(subjects)
    .innerJoin(sites, eq(sites.id, subjects.siteId))
    .where(and(eq(subjects.id, id), isNull(subjects.retiredAt), scopeWhere(actor, subjects)))
    .for("update", { of: subjects });
  if (!row) throw new NotFoundError("Subject not found");
  return row;
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
  authorize(actor, "screening.record");
  const data = parseOrThrow(recordScreeningSchema, input);

  return transact(async (tx) => {
    const { subject, timezone, latestScreeningDate } = await lockSubject(tx, actor, data.subjectId);
    authorize(actor, "screening.record", { siteId: subject.siteId, studyId: subject.studyId });
    if (subject.version !== data.subjectVersion) {
      throw new ConflictError(
        "Someone else changed this subject after you opened the form. Their values are below; check them, then record again.",
        subjectConflictView(subject),
      );
    }

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

    const [screening] = await tx
      .insert(screenings)
      .values({
        siteId: subject.siteId,
        subjectId: subject.id,
        studyId: subject.studyId,
        ...outcome,
        notes: data.notes ?? null,
        failReason: data.screeningStatus === "failed" ? data.failReason! : null,
      })
      .returning();
    const { before, after } = await updateVersioned(
      tx,
      subjects,
      subject.id,
      data.subjectVersion,
      { screeningStatus: data.screeningStatus, status: subjectStatusAfter(subject.status, data.screeningStatus) },
      scopeWhere(actor, subjects),
    );
    await recordChange(tx, actor, { entity: "screening", action: "create", before: null, after: screening! });
    await recordChange(tx, actor, { entity: "subject", action: "screening", before, after });
    return { screening: screening!, subject: after };
  });
}
