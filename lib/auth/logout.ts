/** Signing out of the web app is audited (who, from where) before the session cookie is cleared. */
import "server-only";
import type { Actor } from "../actor";
import { recordEvent } from "../write/road";

export async function auditLogout(actor: Actor, clientAddress: string | null): Promise<void> {
  await recordEvent({ actor, siteId: actor.siteId, entity: "session", entityId: actor.id, action: "logout", clientAddress });
}
