/**
 * The one way writes reach an existing subject: through the policy's site scope, so a foreign
 * site's subject (or a retired one) is "not found" before anything else is said about it.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sites, studies, subjects } from "@/db/schema";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { scopeWhere } from "../policy";

export async function loadSubjectForWrite(tx: DbOrTx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ subject: subjects, studyStatus: studies.status, timeZone: sites.timezone })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .innerJoin(sites, eq(sites.id, subjects.siteId))
    .where(and(eq(subjects.id, id), isNull(subjects.retiredAt), scopeWhere(actor, subjects)));
  if (!row) throw new NotFoundError("Subject not found.");
  return row;
}
