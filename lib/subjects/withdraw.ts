/**
 * Withdrawing a subject from the study, with the reason: status withdrawn + withdrawnAt, and every
 * future scheduled visit canceled with that reason (past ones stay for the coordinator to record
 * as completed or missed). One transaction; each changed row audited.
 */
import type { Subject, Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { withdrawSubjectSchema } from "../validation/subject";
import { parseFor, write } from "../write/road";
import { cancelFutureVisits } from "./future-visits";
import { loadSubjectForWrite } from "./load-for-write";

/** Subjects still in the study's care: in screening or enrolled. */
export function canBeWithdrawn(subject: Pick<Subject, "status">): boolean {
  return subject.status === "screening" || subject.status === "enrolled";
}

export async function withdrawSubject(actor: Actor, input: unknown): Promise<{ subject: Subject; canceledVisits: Visit[] }> {
  const data = parseFor(actor, "subject.withdraw", withdrawSubjectSchema, input);
  return write(actor, "subject.withdraw", async (w) => {
    const { loaded, subject } = await loadSubjectForWrite(w, data.id, { version: data.version });
    if (!canBeWithdrawn(subject)) {
      throw new ValidationError(`A subject whose status is ${subject.status.replace(/_/g, " ")} cannot be withdrawn.`);
    }
    const now = new Date();
    const after = await w.update(loaded, { status: "withdrawn", withdrawnAt: now, withdrawalReason: data.reason }, { audit: "withdraw", reason: data.reason });
    const canceledVisits = await cancelFutureVisits(w, subject.id, `Subject withdrawn: ${data.reason}`, data.reason, now);
    return { subject: after, canceledVisits };
  });
}
