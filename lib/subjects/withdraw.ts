/**
 * Withdrawing a subject from the study, with the reason: status withdrawn + withdrawnAt, and every
 * future scheduled visit canceled with that reason (past ones stay for the coordinator to record
 * as completed or missed). One transaction; each changed row audited.
 */
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { subjects, visits, type Subject, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { updateVersioned } from "../versioned";
import { withdrawSubjectSchema } from "../validation/subject";
import { recordChange, transact } from "../write";
import { loadSubjectForWrite } from "./load-for-write";

/** Subjects still in the study's care: in screening or enrolled. */
export function canBeWithdrawn(subject: Pick<Subject, "status">): boolean {
  return subject.status === "screening" || subject.status === "enrolled";
}

export async function withdrawSubject(actor: Actor, input: unknown): Promise<{ subject: Subject; canceledVisits: Visit[] }> {
  authorize(actor, "subject.withdraw");
  const data = parseOrThrow(withdrawSubjectSchema, input);
  return transact(async (tx) => {
    const { subject } = await loadSubjectForWrite(tx, actor, data.id);
    authorize(actor, "subject.withdraw", { siteId: subject.siteId, studyId: subject.studyId });

    const now = new Date();
    const { before, after } = await updateVersioned(
      tx,
      subjects,
      subject.id,
      data.version,
      { status: "withdrawn", withdrawnAt: now, withdrawalReason: data.reason },
      scopeWhere(actor, subjects),
    );
    if (!canBeWithdrawn(before)) {
      throw new ValidationError(`A subject whose status is ${before.status.replace(/_/g, " ")} cannot be withdrawn.`);
    }

    const future = and(
      eq(visits.subjectId, subject.id),
      eq(visits.visitStatus, "scheduled"),
      gt(visits.scheduledAt, now),
      isNull(visits.retiredAt),
    );
    const previous = await tx.select().from(visits).where(future).for("update");
    const canceled = previous.length
      ? await tx
          .update(visits)
          .set({
            visitStatus: "canceled",
            statusReason: `Subject withdrawn: ${data.reason}`,
            version: sql`${visits.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(future)
          .returning()
      : [];

    await recordChange(tx, actor, { entity: "subject", action: "withdraw", before, after, reason: data.reason });
    const byId = new Map(previous.map((v) => [v.id, v]));
    for (const visit of canceled) {
      await recordChange(tx, actor, { entity: "visit", action: "cancel", before: byId.get(visit.id) ?? null, after: visit, reason: data.reason });
    }
    return { subject: after, canceledVisits: canceled };
  });
}
