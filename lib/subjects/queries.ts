/** Site-scoped reads of subjects: a foreign site's subject is simply not found. */
import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { studies, subjects, users } from "@/db/schema";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { authorize, canSeeIdentifiers, scopeWhere } from "../policy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getSubject(actor: Actor, id: string) {
  authorize(actor, "subject.read");
  if (!UUID.test(id)) throw new NotFoundError();
  const db = await getDb();
  const [row] = await db
    .select({
      id: subjects.id,
      siteId: subjects.siteId,
      subjectId: subjects.subjectId,
      fullName: subjects.fullName,
      screeningStatus: subjects.screeningStatus,
      status: subjects.status,
      studyId: subjects.studyId,
      protocolId: studies.protocolId,
      studyTitle: studies.title,
      coordinatorId: subjects.coordinatorId,
      coordinatorName: users.displayName,
      dob: subjects.dob,
      sexAtBirth: subjects.sexAtBirth,
      consentSignedAt: subjects.consentSignedAt,
      enrolledAt: subjects.enrolledAt,
      withdrawalReason: subjects.withdrawalReason,
      version: subjects.version,
      createdAt: subjects.createdAt,
      updatedAt: subjects.updatedAt,
    })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .innerJoin(users, eq(users.id, subjects.coordinatorId))
    .where(and(eq(subjects.id, id), isNull(subjects.retiredAt), scopeWhere(actor, subjects)))
    .limit(1);
  if (!row) throw new NotFoundError();
  authorize(actor, "subject.read", { siteId: row.siteId, studyId: row.studyId });
  if (canSeeIdentifiers(actor)) return row;
  // Sponsors: de-identified (no name, year of birth only).
  return { ...row, fullName: null, dob: row.dob ? row.dob.slice(0, 4) : null };
}

/** The most recently changed subjects the actor may see (a preview until the registry lands). */
export async function listRecentSubjects(actor: Actor, limit = 10) {
  authorize(actor, "subject.read");
  const db = await getDb();
  const rows = await db
    .select({
      id: subjects.id,
      subjectId: subjects.subjectId,
      fullName: subjects.fullName,
      protocolId: studies.protocolId,
      screeningStatus: subjects.screeningStatus,
      status: subjects.status,
    })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .where(and(isNull(subjects.retiredAt), scopeWhere(actor, subjects)))
    .orderBy(desc(subjects.updatedAt), desc(subjects.id))
    .limit(Math.min(Math.max(1, limit), 50));
  return canSeeIdentifiers(actor) ? rows : rows.map((r) => ({ ...r, fullName: null }));
}
