/**
 * The two other ways a subject leaves the study, besides withdrawal: completing it, or being lost
 * to follow-up. Each records the site-local day (completion, or last contact) and a reason, and —
 * as on withdrawal — cancels every future scheduled visit with that reason. One transaction.
 */
import type { Subject, Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { siteToday } from "../dates";
import { ValidationError } from "../errors";
import { exitSubjectSchema } from "../validation/lifecycle";
import { parseFor, write } from "../write/road";
import { cancelFutureVisits } from "./future-visits";
import { loadSubjectForWrite } from "./load-for-write";

export type SubjectExit = "completed" | "lost_to_follow_up";

const WORDS: Record<SubjectExit, { label: string; audit: string; canceled: string }> = {
  completed: { label: "completed", audit: "complete", canceled: "Subject completed the study" },
  lost_to_follow_up: { label: "lost to follow-up", audit: "lose_to_follow_up", canceled: "Subject lost to follow-up" },
};

/** Why this subject cannot leave this way now, or null (also used to show the button). */
export function exitBlocker(subject: Pick<Subject, "status">, exit: SubjectExit): string | null {
  if (subject.status === "enrolled") return null;
  return `Only an enrolled subject can be recorded as ${WORDS[exit].label}; this one is ${subject.status.replace(/_/g, " ")}.`;
}

export async function exitSubject(actor: Actor, exit: SubjectExit, input: unknown): Promise<{ subject: Subject; canceledVisits: Visit[] }> {
  const data = parseFor(actor, "subject.exit", exitSubjectSchema, input);
  return write(actor, "subject.exit", async (w) => {
    const { loaded, subject, timeZone } = await loadSubjectForWrite(w, data.id, { version: data.version });
    const blocker = exitBlocker(subject, exit);
    if (blocker) throw new ValidationError(blocker);
    const now = new Date();
    const today = siteToday(timeZone, now);
    const exitDate = data.exitDate ?? today;
    if (exitDate > today) throw new ValidationError("Please correct the highlighted fields.", { exitDate: ["The date cannot be in the future."] });
    const enrolledOn = subject.enrolledAt ? siteToday(timeZone, subject.enrolledAt) : null;
    if (enrolledOn && exitDate < enrolledOn) {
      throw new ValidationError("Please correct the highlighted fields.", { exitDate: ["The date cannot be before the enrollment."] });
    }
    const words = WORDS[exit];
    const after = await w.update(loaded, { status: exit, exitDate, exitReason: data.reason }, { audit: words.audit, reason: data.reason });
    const canceledVisits = await cancelFutureVisits(w, subject.id, `${words.canceled}: ${data.reason}`, data.reason, now);
    return { subject: after, canceledVisits };
  });
}

export const completeSubject = (actor: Actor, input: unknown) => exitSubject(actor, "completed", input);
export const markLostToFollowUp = (actor: Actor, input: unknown) => exitSubject(actor, "lost_to_follow_up", input);
