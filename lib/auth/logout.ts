/**
 * Signing out of the web app, by any path — our logout button (app/logout-actions.ts, which calls
 * Auth.js's signOut) or Auth.js's own /api/auth/signout — arrives here through Auth.js's signOut
 * event: the server-side session ends (so a copied cookie is dead too) and the sign-out is audited
 * (who, from where), once: a session that had already ended is not audited again.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { recordEvent } from "../write/road";
import { endSession } from "./sessions";

export async function signedOut(sessionId: unknown, clientAddress: string | null): Promise<boolean> {
  const ended = await endSession(sessionId, "logout");
  if (!ended) return false;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, username: users.username, siteId: users.siteId })
    .from(users)
    .where(eq(users.id, ended.userId));
  if (!user) return false;
  await recordEvent({ actor: user, siteId: user.siteId, entity: "session", entityId: user.id, action: "logout", clientAddress });
  return true;
}
