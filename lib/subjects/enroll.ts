/**
 * Enrolling a subject who passed screening: status enrolled + enrolledAt, and the planned visits
 * from the study's visit schedule, each with its window — one transaction, each row audited.
 */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { visitScheduleItems, type Subject, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { siteToday } from "../dates";
import { ValidationError } from "../errors";
import { enrollSubjectSchema } from "../validation/subject";
import { parseFor, write } from "../write/road";
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
  const data = parseFor(actor, "subject.enroll", enrollSubjectSchema, input);
  return write(actor, "subject.enroll", async (w) => {
    const { loaded, subject, studyStatus, timeZone } = await loadSubjectForWrite(w, data.id, { version: data.version });
    // Checked on the locked row, so two people enrolling at once cannot both pass.
    const blocker = enrollBlocker(subject, studyStatus);
    if (blocker) throw new ValidationError(blocker);

    const now = new Date();
    const after = await w.update(loaded, { status: "enrolled", enrolledAt: now }, { audit: "enroll" });
    const schedule = await w.tx
      .select()
      .from(visitScheduleItems)
      .where(and(eq(visitScheduleItems.studyId, subject.studyId), isNull(visitScheduleItems.retiredAt)))
      .orderBy(asc(visitScheduleItems.sortOrder));
    const planned = plannedVisits(schedule, siteToday(timeZone, now), timeZone);
    const created = await w.insertMany(
      "visit",
      planned.map((p) => ({ ...p, siteId: subject.siteId, studyId: subject.studyId, subjectId: subject.id, coordinatorId: subject.coordinatorId })),
      { action: "subject.enroll" },
    );
    return { subject: after, visits: created };
  });
}
