"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import type { Actor } from "@/lib/actor";
import { requireActiveActor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { formatInstant } from "@/lib/format";
import { cancelVisit } from "@/lib/visits/cancel";
import { completeVisit } from "@/lib/visits/complete";
import { missVisit } from "@/lib/visits/miss";
import { rescheduleVisit } from "@/lib/visits/reschedule";
import type { Visit } from "@/db/schema";

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** The newer visit someone else saved, in the words and times the page shows. */
function shownCurrent(current: Visit, timeZone: string): Record<string, unknown> {
  return {
    scheduledAt: formatInstant(current.scheduledAt, timeZone),
    visitStatus: current.visitStatus,
    location: current.location,
    completedAt: current.completedAt ? formatInstant(current.completedAt, timeZone) : null,
    statusReason: current.statusReason,
  };
}

async function run(
  formData: FormData,
  write: (actor: Actor) => Promise<Visit>,
  success: (visit: Visit, timeZone: string) => string,
): Promise<ActionState> {
  const values = formValues(formData);
  let timeZone = "UTC";
  try {
    const actor = await requireActiveActor();
    timeZone = actor.siteTimezone ?? "UTC";
    const visit = await write(actor);
    revalidatePath(`/visits/${visit.id}`);
    revalidatePath("/visits");
    return { status: "success", message: success(visit, timeZone) };
  } catch (error) {
    unstable_rethrow(error);
    const state = errorState(error, values);
    if (error instanceof ConflictError && error.current) state.current = shownCurrent(error.current as Visit, timeZone);
    return state;
  }
}

export async function rescheduleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(
    formData,
    (actor) =>
      rescheduleVisit(actor, {
        id: field(formData, "id"),
        version: field(formData, "version"),
        scheduledAt: field(formData, "scheduledAt"),
        reason: field(formData, "rescheduleReason"),
      }),
    (visit, tz) => `Visit rescheduled to ${formatInstant(visit.scheduledAt, tz)}.`,
  );
}

export async function completeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(
    formData,
    (actor) => completeVisit(actor, { id: field(formData, "id"), version: field(formData, "version"), completedAt: field(formData, "completedAt") }),
    (visit, tz) => `Visit completed at ${formatInstant(visit.completedAt ?? new Date(), tz)}.`,
  );
}

export async function missAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(
    formData,
    (actor) => missVisit(actor, { id: field(formData, "id"), version: field(formData, "version"), reason: field(formData, "missReason") }),
    () => "Visit marked missed.",
  );
}

export async function cancelAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(
    formData,
    (actor) => cancelVisit(actor, { id: field(formData, "id"), version: field(formData, "version"), reason: field(formData, "cancelReason") }),
    () => "Visit canceled.",
  );
}
