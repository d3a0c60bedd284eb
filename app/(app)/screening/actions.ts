"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { humanize } from "@/components/ui/badge";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { requireActiveActor } from "@/lib/auth/actor";
import { recordScreening } from "@/lib/screenings/record";

/** "Record outcome" on the screening queue: FormData → recordScreening → the form's state. */
export async function recordScreeningAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const { subject, screening } = await recordScreening(actor, {
      subjectId: values.subjectId ?? "",
      subjectVersion: values.subjectVersion ?? "",
      screeningStatus: values.screeningStatus ?? "",
      screeningDate: values.screeningDate ?? "",
      completedById: values.completedById ?? "",
      notes: values.notes ?? "",
      failReason: values.failReason ?? "",
    });
    revalidatePath("/screening");
    revalidatePath("/");
    return { status: "success", message: `Screening recorded for ${subject.subjectId}: ${humanize(screening.screeningStatus)}.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}
