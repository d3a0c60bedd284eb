"use server";

import { revalidatePath } from "next/cache";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { formAction } from "@/lib/validation/form-action";

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
