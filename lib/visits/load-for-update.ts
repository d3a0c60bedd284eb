/**
 * The shared start of every change to an existing visit, inside the caller's transaction:
 * load it through the site scope (a foreign visit is "not found") and lock it, ask the policy,
 * check the version (someone else's newer save → ConflictError carrying it), and refuse a visit
 * that is no longer scheduled (completed, missed and canceled visits are final).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { sites, visits, type Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";

export const STALE_MESSAGE = "Someone else saved this visit after you opened it. Review their changes below, then try again.";

export async function loadScheduledVisitForUpdate(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  verb: string,
): Promise<{ visit: Visit; timeZone: string }> {
  const [row] = await tx
    .select({ visit: visits, timeZone: sites.timezone })
    .from(visits)
    .innerJoin(sites, eq(sites.id, visits.siteId))
    .where(and(eq(visits.id, id), isNull(visits.retiredAt), scopeWhere(actor, visits)))
    .for("update", { of: visits });
  if (!row) throw new NotFoundError();
  authorize(actor, "visit.update", { siteId: row.visit.siteId, studyId: row.visit.studyId });
  if (row.visit.version !== version) throw new ConflictError(STALE_MESSAGE, row.visit);
  if (row.visit.visitStatus !== "scheduled") {
    throw new ValidationError(`This visit is ${row.visit.visitStatus}; only a scheduled visit can be ${verb}.`, {
      form: [`Only a scheduled visit can be ${verb}.`],
    });
  }
  return { visit: row.visit, timeZone: row.timeZone };
}
