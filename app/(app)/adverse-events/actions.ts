"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { AE_FIELD_LABELS, formatAeValue } from "@/lib/adverse-events/labels";
import { reportAdverseEvent } from "@/lib/adverse-events/report";
import { updateAdverseEvent } from "@/lib/adverse-events/update";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { requireActiveActor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";

/** The AE fields as the lib functions take them; checkboxes read explicitly (absent = unticked). */
function aeInput(formData: FormData) {
  const text = (name: string) => formData.get(name) ?? undefined;
  return {
    eventTerm: text("eventTerm"),
    severity: text("severity"),
    grade: text("grade"),
    serious: formData.get("serious") === "on",
    seriousnessCriteria: formData.getAll("seriousnessCriteria"),
    onsetDate: text("onsetDate"),
    awareAt: text("awareAt"),
    outcome: text("outcome"),
    endDate: text("endDate"),
    status: text("status"),
  };
}

/** What was typed, so a refused form keeps it (criteria are several values in one field). */
function typed(formData: FormData) {
  return { ...formValues(formData), seriousnessCriteria: formData.getAll("seriousnessCriteria").join(",") };
}

export async function reportAeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let id: string;
  try {
    const actor = await requireActiveActor();
    const ae = await reportAdverseEvent(actor, { subjectId: formData.get("subjectId") ?? undefined, ...aeInput(formData) });
    id = ae.id;
    revalidatePath("/adverse-events");
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, typed(formData));
  }
  redirect(`/adverse-events/${id}?reported=1`);
}

export async function updateAeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let timeZone = "UTC";
  try {
    const actor = await requireActiveActor();
    timeZone = actor.siteTimezone ?? timeZone;
    const ae = await updateAdverseEvent(actor, {
      id: formData.get("id") ?? undefined,
      version: formData.get("version") ?? undefined,
      reason: formData.get("reason") ?? undefined,
      ...aeInput(formData),
    });
    revalidatePath(`/adverse-events/${ae.id}`);
    revalidatePath("/adverse-events");
    return { status: "success", message: "Changes saved." };
  } catch (error) {
    unstable_rethrow(error);
    const state = errorState(error, typed(formData));
    if (error instanceof ConflictError && error.current) {
      // Shown as text in the site's time; the version lets "save again" replace their values knowingly.
      const current = error.current as Record<string, unknown>;
      state.current = Object.fromEntries(
        Object.keys(AE_FIELD_LABELS)
          .filter((k) => k in current && k !== "reportedById" && k !== "assessedById")
          .map((k) => [k, formatAeValue(k, current[k], timeZone)]),
      );
      state.current.version = current.version;
    }
    return state;
  }
}
