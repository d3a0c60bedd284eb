"use server";

import { revalidatePath } from "next/cache";
import type { ScheduleState } from "@/components/visits/schedule-form";
import { localDate } from "@/lib/dates";
import { formatInstant } from "@/lib/format";
import { formAction } from "@/lib/validation/form-action";
import { scheduleVisit } from "@/lib/visits/schedule";

export const scheduleVisitAction = formAction<ScheduleState>(async (input, actor) => {
  const visit = await scheduleVisit(actor, input.pick(["subjectId", "visitType", "scheduledAt", "location", "coordinatorId"]));
  revalidatePath("/visits");
  const timeZone = actor.siteTimezone ?? "UTC";
  return {
    status: "success",
    message: `Visit scheduled for ${formatInstant(visit.scheduledAt, timeZone)}.`,
    // The week that holds the new visit, on its site-local day.
    href: `/visits?view=week&date=${localDate(visit.scheduledAt, timeZone)}`,
  };
});
