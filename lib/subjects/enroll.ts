/**
 * Enrolling a subject who passed screening: status enrolled + enrolledAt, and the planned visits
 * from the study's visit schedule, each with its window — one transaction, each row audited.
 */
import { asc, eq } from "drizzle-orm";
import { subjects, visitScheduleItems, visits, type Subject, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { siteToday } from "../dates";
import { ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { updateVersioned } from "../versioned";
import { enrollSubjectSchema } from "../validation/subject";
import { recordChange, transact } from "../write";
import { loadSubjectForWrite } from "./load-for-write";
import { plannedVisits } from "./planned-visits";
import { studyIsOpen } from "./rules";

/** Why this subject cannot be enrolled now, or null when it can (also used to show the button). */
export function enrollBlocker(subject: Pick<Subject, "screeningStatus" | "status">, studyStatus: Parameters<typeof studyIsOpen>[0]): string | null {
  if (subject.status === "enrolled") return "This subject is already enrolled.";
  if (subject.status !== "screening") return `A subject whose status is ${subject.status.replace(/_/g, " ")} cannot be enrolled.`;
  if (subject.screeningStatus !== "passed") return "Only a subject who passed screening can be enrolled.";
  if (!studyIsOpen(studyStatus)) return `The study is ${studyStatus.replace(/_/g, " ")}: it does not enroll subjects.`;
  return null;
}

export async function enrollSubject(actor: Actor, input: unknown): Promise<{ subject: Subject; visits: Visit[] }> {
  authorize(actor, "subject.enroll");
  const data = parseOrThrow(enrollSubjectSchema, input);
  return transact(async (tx) => {
    const { subject, studyStatus, timeZone } = await loadSubjectForWrite(tx, actor, data.id);
    authorize(actor, "subject.enroll", { siteId: subject.siteId, studyId: subject.studyId });

    const now = new Date();
    const { before, after } = await updateVersioned(
      tx,
      subjects,
      subject.id,
      data.version,
      { status: "enrolled", enrolledAt: now },
      scopeWhere(actor, subjects),
    );
    // Checked on the locked row, so two people enrolling at once cannot both pass.
    const blocker = enrollBlocker(before, studyStatus);
    if (blocker) throw new ValidationError(blocker);

    const schedule = await tx
      .select()
      .from(visitScheduleItems)
      .where(eq(visitScheduleItems.studyId, subject.studyId))
      .orderBy(asc(visitScheduleItems.sortOrder));
    const planned = plannedVisits(schedule, siteToday(timeZone, now), timeZone);
    const created = planned.length
      ? await tx
          .insert(visits)
          .values(
            planned.map((p) => ({
              ...p,
              siteId: subject.siteId,
              studyId: subject.studyId,
              subjectId: subject.id,
              coordinatorId: subject.coordinatorId,
            })),
          )
          .returning()
      : [];

    await recordChange(tx, actor, { entity: "subject", action: "enroll", before, after });
    for (const visit of created) {
      await recordChange(tx, actor, { entity: "visit", action: "create", before: null, after: visit });
    }
    return { subject: after, visits: created };
  });
}
