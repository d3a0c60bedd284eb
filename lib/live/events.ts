/**
 * What a live subscriber may receive. Pure: the notification (ids only, see ./notify.ts) is
 * judged by the policy module exactly like a read of that record — a coordinator or investigator
 * gets their own site's records, a sponsor the studies granted to them, an admin everything,
 * a pending or disabled account nothing.
 */
import type { Actor } from "@/lib/actor";
import { decide, type Action } from "@/lib/policy";
import { READ_MODELS } from "@/lib/read-model";
import type { ChangeEvent } from "./notify";

/** A change as it arrives over LISTEN (notify.ts adds `at`). */
export type Change = Omit<ChangeEvent, "subjectId" | "userId"> & { subjectId: string | null; userId: string | null; at: string };

/** What goes over the wire: ids only — no site, no names, no clinical values. */
export type PublicChange = Pick<Change, "type" | "entity" | "id" | "studyId" | "subjectId" | "at">;

/**
 * The read permission an event stands for: a clinical record's is its read model's (the same
 * action the page or API read of it takes), so a new entity cannot be streamed under a looser
 * rule than it is read. Users and sites have no read model of their own: administration, admins only.
 */
const ADMINISTRATION = { user: "user.manage", site: "site.manage" } as const satisfies Record<string, Action>;
/** A person's own things (their inbox): an event about one reaches its one recipient only. */
const PERSONAL = { notification: "notification.manage" } as const satisfies Record<string, Action>;
const READ: Readonly<Record<string, Action>> = {
  ...Object.fromEntries(READ_MODELS.map((model) => [model.audit, model.read])),
  ...ADMINISTRATION,
  ...PERSONAL,
};

// Every entity a change event can name is streamed under some read permission (a compile error otherwise).
type Streamed = (typeof READ_MODELS)[number]["audit"] | keyof typeof ADMINISTRATION | keyof typeof PERSONAL;
const everyEntityStreamed: [Exclude<ChangeEvent["entity"], Streamed>] extends [never] ? true : never = true;
void everyEntityStreamed;

export function mayReceive(actor: Actor, change: Change): boolean {
  const action = Object.hasOwn(READ, change.entity) ? READ[change.entity] : undefined;
  if (!action) return false;
  if (Object.hasOwn(ADMINISTRATION, change.entity)) return decide(actor, action) === "allow";
  if (Object.hasOwn(PERSONAL, change.entity)) return decide(actor, action, { siteId: null, authorId: change.userId }) === "allow";
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
      userId: typeof value.userId === "string" ? value.userId : null,
      at: typeof value.at === "string" ? value.at : new Date().toISOString(),
    };
  } catch {
    return null;
  }
}
