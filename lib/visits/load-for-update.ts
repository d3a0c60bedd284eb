/**
 * The shared start of every change to an existing visit, on the write road: load it through the
 * site scope (a foreign visit is "not found"), lock it, authorise "visit.update" on it, check the
 * version (someone else's newer save → ConflictError carrying it), and refuse a visit that is no
 * longer scheduled (completed, missed and canceled visits are final).
 */
import "server-only";
import { visits } from "@/db/schema";
import { ValidationError } from "../errors";
import { siteTimeZoneOf } from "../write/extra";
import type { Writer } from "../write/road";

export const STALE_MESSAGE = "Someone else saved this visit after you opened it. Review their changes below, then try again.";

export async function loadScheduledVisitForUpdate(w: Writer, id: string, version: number, verb: string) {
  const loaded = await w.load("visit", id, {
    version,
    conflict: STALE_MESSAGE,
    extra: { timeZone: siteTimeZoneOf(visits.siteId) },
  });
  const visit = loaded.row;
  if (visit.visitStatus !== "scheduled") {
    throw new ValidationError(`This visit is ${visit.visitStatus}; only a scheduled visit can be ${verb}.`, {
      form: [`Only a scheduled visit can be ${verb}.`],
    });
  }
  return { loaded, visit, timeZone: loaded.extra.timeZone };
}
