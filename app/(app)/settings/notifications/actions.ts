"use server";

import { revalidatePath } from "next/cache";
import { NOTIFICATION_CATEGORIES } from "@/domain/vocabulary";
import { regenerateFeed, revokeFeed } from "@/lib/calendar/feeds";
import { saveNotificationPreferences } from "@/lib/notifications/save-preferences";
import { formAction } from "@/lib/validation/form-action";

const PATH = "/settings/notifications";

export const savePreferencesAction = formAction(async (input, actor) => {
  const { changed } = await saveNotificationPreferences(actor, input.pick(NOTIFICATION_CATEGORIES));
  revalidatePath(PATH);
  return { status: "success", message: changed.length === 0 ? "Nothing changed." : "Notification settings saved." };
});

export const regenerateFeedAction = formAction(async (_input, actor) => {
  await regenerateFeed(actor);
  revalidatePath(PATH);
  return { status: "success", message: "Calendar link made. Subscribe your calendar to it." };
});

export const revokeFeedAction = formAction(async (_input, actor) => {
  const { revoked } = await revokeFeed(actor);
  revalidatePath(PATH);
  return { status: "success", message: revoked ? "Calendar link revoked." : "There was no calendar link to revoke." };
});
