"use server";

import { revalidatePath } from "next/cache";
import { requireActiveActor } from "@/lib/auth/actor";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { countUnread } from "@/lib/notifications/queries";
import { formAction } from "@/lib/validation/form-action";

/** The header bell's count, asked again when the live stream says one's inbox changed. */
export async function unreadCountAction(): Promise<number> {
  return countUnread(await requireActiveActor());
}

export const markReadAction = formAction(async (input, actor) => {
  await markNotificationRead(actor, input.pick(["id"]));
  // The layout's bell re-renders with the page.
  revalidatePath("/notifications");
  return { status: "success", message: "Marked read." };
});

export const markAllReadAction = formAction(async (input, actor) => {
  const { marked } = await markAllNotificationsRead(actor, input.pick(["upTo"]));
  revalidatePath("/notifications");
  return { status: "success", message: marked === 0 ? "Nothing was unread." : `${marked} ${marked === 1 ? "notification" : "notifications"} marked read.` };
});
