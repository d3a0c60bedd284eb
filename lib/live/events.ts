/**
 * What a live subscriber may receive. Pure: the notification (ids only, see ./notify.ts) is
 * judged by the policy module exactly like a read of that record — a coordinator or investigator
 * gets their own site's records, a sponsor the studies granted to them, an admin everything,
 * a pending or disabled account nothing.
 */
import type { Actor } from "@/lib/actor";
import { decide, type Action } from "@/lib/policy";
import type { ChangeEvent } from "./notify";

/** A change as it arrives over LISTEN (notify.ts adds `at`). */
export type Change = Omit<ChangeEvent, "subjectId"> & { subjectId: string | null; at: string };

/** What goes over the wire: ids only — no site, no names, no clinical values. */
export type PublicChange = Pick<Change, "type" | "entity" | "id" | "studyId" | "subjectId" | "at">;

/** The read permission an event stands for. Users and sites are administration: admins only. */
const READ: Record<ChangeEvent["entity"], Action> = {
  subject: "subject.read",
  screening: "screening.read",
  visit: "visit.read",
  adverse_event: "ae.read",
  subject_note: "note.read",
  study: "study.read",
  user: "user.manage",
  site: "site.manage",
};

export function mayReceive(actor: Actor, change: Change): boolean {
  if (!Object.hasOwn(READ, change.entity)) return false;
  const action = READ[change.entity];
  if (change.entity === "user" || change.entity === "site") return decide(actor, action) === "allow";
  return decide(actor, action, { siteId: change.siteId, studyId: change.studyId }) === "allow";
}

export function publicChange(change: Change): PublicChange {
  return { type: change.type, entity: change.entity, id: change.id, studyId: change.studyId, subjectId: change.subjectId, at: change.at };
}

/** A notification payload → a Change, or null for anything malformed (never trusted blindly). */
export function parseChange(payload: string): Change | null {
  try {
    const value = JSON.parse(payload) as Partial<Change>;
    if (typeof value !== "object" || value === null) return null;
    if (typeof value.id !== "string" || typeof value.entity !== "string" || typeof value.type !== "string") return null;
    if (!Object.hasOwn(READ, value.entity)) return null;
    return {
      type: value.type,
      entity: value.entity,
      id: value.id,
      siteId: typeof value.siteId === "string" ? value.siteId : null,
      studyId: typeof value.studyId === "string" ? value.studyId : null,
      subjectId: typeof value.subjectId === "string" ? value.subjectId : null,
      at: typeof value.at === "string" ? value.at : new Date().toISOString(),
    };
  } catch {
    return null;
  }
}
