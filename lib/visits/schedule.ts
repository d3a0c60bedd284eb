/**
 * Schedules a visit for a subject (an unplanned or extra visit; planned protocol visits are
 * created by enrolment). The time is read in the subject's site time zone.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { reusableQuery } from "@/db/reusable";
import { sites, subjects, visits, type Subject, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { scopeKey, scopeWhere } from "../policy";
import { isActiveSiteStaffSql } from "../users/site-staff";
import { scheduleVisitSchema } from "../validation/visit";
import { parseFor, write } from "../write/road";
import { checkVisitTime } from "./time-rules";

/** Only these subjects still have visits ahead of them. */
export const SCHEDULABLE_SUBJECT_STATUSES = ["screening", "enrolled"] as const;

// The two statements of every scheduling, rendered once (db/reusable): the values are placeholders.
const findSubject = reusableQuery<{ subject: Pick<Subject, "id" | "siteId" | "studyId" | "status" | "coordinatorId">; timeZone: string; coordinatorOk: boolean }[]>("schedule_find_subject");
const insertVisit = reusableQuery<Visit[]>("schedule_insert_visit");

/** The subject, its site's zone, and whether the coordinator (chosen, else the subject's own) is active staff there. */
function subjectQuery(db: DbOrTx, actor: Actor, coordinatorChosen: boolean) {
  const coordinator = coordinatorChosen ? sql`${sql.placeholder("coordinatorId")}::uuid` : subjects.coordinatorId;
  return db
    .select({
      subject: { id: subjects.id, siteId: subjects.siteId, studyId: subjects.studyId, status: subjects.status, coordinatorId: subjects.coordinatorId },
      timeZone: sites.timezone,
      coordinatorOk: isActiveSiteStaffSql(coordinator, subjects.siteId),
    })
    .from(subjects)
    .innerJoin(sites, eq(sites.id, subjects.siteId))
    .where(and(eq(subjects.id, sql.placeholder("subjectId")), isNull(subjects.retiredAt), scopeWhere(actor, subjects)))
    .for("share", { of: subjects });
}

const insertQuery = (db: DbOrTx) =>
  db
    .insert(visits)
    .values({
      siteId: sql.placeholder("siteId"),
      studyId: sql.placeholder("studyId"),
      subjectId: sql.placeholder("subjectId"),
      visitType: sql.placeholder("visitType"),
      scheduledAt: sql.placeholder("scheduledAt"),
      location: sql.placeholder("location"),
      coordinatorId: sql.placeholder("coordinatorId"),
    })
    .returning();

export async function scheduleVisit(actor: Actor, input: unknown, now = new Date()): Promise<Visit> {
  // May this role schedule at all? (A sponsor or admin is refused as such, like every other create.)
  const data = parseFor(actor, "visit.create", scheduleVisitSchema, input);
  return write(actor, "visit.create", async (w) => {
    const [subject] = await findSubject(w.tx, `${scopeKey(actor)}|${data.coordinatorId ? "chosen" : "own"}`, (h) => subjectQuery(h, actor, Boolean(data.coordinatorId)), {
      subjectId: data.subjectId,
      coordinatorId: data.coordinatorId,
    });
    if (!subject) throw new NotFoundError();
    const { siteId, studyId } = subject.subject;

    const errors: Record<string, string[]> = {};
    const status = subject.subject.status;
    if (!(SCHEDULABLE_SUBJECT_STATUSES as readonly string[]).includes(status)) {
      errors.subjectId = [`This subject is ${status.replace(/_/g, " ")}; visits can be scheduled only for subjects in screening or enrolled.`];
    }
    const scheduledAt = checkVisitTime(errors, "scheduledAt", data.scheduledAt, subject.timeZone, now);
    const coordinatorId = data.coordinatorId ?? subject.subject.coordinatorId;
    if (!subject.coordinatorOk) {
      errors.coordinatorId = ["Choose an active coordinator or investigator of this site."];
    }
    if (Object.keys(errors).length > 0 || !scheduledAt) throw new ValidationError("Please correct the highlighted fields.", errors);

    const values = { siteId, studyId, subjectId: subject.subject.id, visitType: data.visitType, scheduledAt, location: data.location, coordinatorId };
    // Authorised on the new visit's own site and study by the road, then inserted and audited.
    return w.insertWith("visit", values, (tx) => insertVisit(tx, "visit", insertQuery, values));
  });
}
