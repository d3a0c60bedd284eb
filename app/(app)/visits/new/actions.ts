"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { requireActiveActor } from "@/lib/auth/actor";
import { localDate } from "@/lib/dates";
import { formatInstant } from "@/lib/format";
import { scheduleVisit } from "@/lib/visits/schedule";

export type ScheduleState = ActionState & { href?: string };

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export async function scheduleVisitAction(_prev: ScheduleState, formData: FormData): Promise<ScheduleState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const visit = await scheduleVisit(actor, {
      subjectId: field(formData, "subjectId"),
      visitType: field(formData, "visitType"),
      scheduledAt: field(formData, "scheduledAt"),
      location: field(formData, "location"),
      coordinatorId: field(formData, "coordinatorId"),
    });
    revalidatePath("/visits");
    const timeZone = actor.siteTimezone ?? "UTC";
    return {
      status: "success",
      message: `Visit scheduled for ${formatInstant(visit.scheduledAt, timeZone)}.`,
      // The week that holds the new visit, on its site-local day.
      href: `/visits?view=week&date=${localDate(visit.scheduledAt, timeZone)}`,
    };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}
