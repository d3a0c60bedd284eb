"use server";

import { revalidatePath } from "next/cache";
import { humanize } from "@/components/ui/badge";
import { recordScreening } from "@/lib/screenings/record";
import { formAction } from "@/lib/validation/form-action";

/** "Record outcome" on the screening queue. */
export const recordScreeningAction = formAction(async (input, actor) => {
  const { subject, screening } = await recordScreening(
    actor,
    input.pick(["subjectId", "subjectVersion", "screeningStatus", "screeningDate", "completedById", "notes", "failReason"]),
  );
  revalidatePath("/screening");
  revalidatePath("/");
  return { status: "success", message: `Screening recorded for ${subject.subjectId}: ${humanize(screening.screeningStatus)}.` };
});
