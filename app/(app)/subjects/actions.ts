"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createSubject } from "@/lib/subjects/create";
import { updateSubject } from "@/lib/subjects/update";
import { formAction } from "@/lib/validation/form-action";

const SUBJECT_FIELDS = ["subjectId", "fullName", "coordinatorId", "dob", "sexAtBirth", "consentSignedAt"] as const;

export const createSubjectAction = formAction(async (input, actor) => {
  const subject = await createSubject(actor, input.pick([...SUBJECT_FIELDS, "studyId", "screeningStatus"]));
  revalidatePath("/subjects");
  // The timeline announces the save (components/timeline/flash-notice.tsx).
  redirect(`/subjects/${subject.id}?notice=created`);
});

export const updateSubjectAction = formAction(async (input, actor) => {
  const subject = await updateSubject(actor, input.pick([...SUBJECT_FIELDS, "id", "version", "reason"]));
  revalidatePath("/subjects");
  redirect(`/subjects/${subject.id}?notice=updated`);
});
