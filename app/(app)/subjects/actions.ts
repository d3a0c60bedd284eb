"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { requireActiveActor } from "@/lib/auth/actor";
import { createSubject } from "@/lib/subjects/create";
import { updateSubject } from "@/lib/subjects/update";

const SUBJECT_FIELDS = ["subjectId", "fullName", "coordinatorId", "dob", "sexAtBirth", "consentSignedAt"] as const;

const pick = (formData: FormData, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));

export async function createSubjectAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const actor = await requireActiveActor();
    const subject = await createSubject(actor, pick(formData, [...SUBJECT_FIELDS, "studyId", "screeningStatus"]));
    id = subject.id;
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
  revalidatePath("/subjects");
  // The timeline announces the save (components/timeline/flash-notice.tsx).
  redirect(`/subjects/${id}?notice=created`);
}

export async function updateSubjectAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const actor = await requireActiveActor();
    const subject = await updateSubject(actor, pick(formData, [...SUBJECT_FIELDS, "id", "version", "reason"]));
    id = subject.id;
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
  revalidatePath("/subjects");
  redirect(`/subjects/${id}?notice=updated`);
}
