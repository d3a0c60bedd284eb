/**
 * Opening a notification: it is marked read (as "Mark read" would) and the person is sent to its
 * record. The link was written by a rule, but it is still checked to be one of the app's own paths
 * (lib/safe-path.ts): never another site, never the API; anything else opens the inbox instead.
 */
import "server-only";
import type { Actor } from "../actor";
import { safePath } from "../safe-path";
import { markNotificationRead } from "./mark-read";
import { getNotification } from "./queries";

export const INBOX_PATH = "/notifications";

/** Marks the actor's notification read and answers where it leads; someone else's is not found. */
export async function openNotification(actor: Actor, id: string): Promise<string> {
  await markNotificationRead(actor, { id });
  const { link } = await getNotification(actor, id);
  return safePath(link, INBOX_PATH);
}
