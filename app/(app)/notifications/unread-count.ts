"use server";

/**
 * The header bell's count, asked again when the live stream says one's inbox changed. A read, not a
 * form action (those live in actions.ts, each through formAction): it takes no input and writes nothing.
 */
import { requireActiveActor } from "@/lib/auth/actor";
import { countUnread } from "@/lib/notifications/queries";

export async function unreadCountAction(): Promise<number> {
  return countUnread(await requireActiveActor());
}
