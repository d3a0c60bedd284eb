"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { requireActiveActor } from "@/lib/auth/actor";
import { createNote } from "@/lib/notes/create";
import { updateNote } from "@/lib/notes/update";
import { enrollSubject } from "@/lib/subjects/enroll";
import { withdrawSubject } from "@/lib/subjects/withdraw";

const fields = (formData: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));

/** Every timeline action: FormData → lib function → message; the timeline re-renders from the database. */
async function run(formData: FormData, write: (actor: Awaited<ReturnType<typeof requireActiveActor>>) => Promise<{ subjectId: string; message: string }>): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const { subjectId, message } = await write(actor);
    revalidatePath(`/subjects/${subjectId}`);
    revalidatePath("/subjects");
    return { status: "success", message };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function addNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor) => {
    const note = await createNote(actor, fields(formData, ["subjectId", "noteType", "noteText"]));
    return { subjectId: note.subjectId, message: "Note added." };
  });
}

export async function editNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor) => {
    const note = await updateNote(actor, fields(formData, ["id", "version", "noteType", "noteText", "reason"]));
    return { subjectId: note.subjectId, message: "Note updated; the earlier text stays in its history." };
  });
}

export async function enrollAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor) => {
    const { subject, visits } = await enrollSubject(actor, fields(formData, ["id", "version"]));
    return { subjectId: subject.id, message: `${subject.subjectId} enrolled; ${visits.length} planned ${visits.length === 1 ? "visit" : "visits"} scheduled.` };
  });
}

export async function withdrawAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor) => {
    const { subject, canceledVisits } = await withdrawSubject(actor, fields(formData, ["id", "version", "reason"]));
    const n = canceledVisits.length;
    return { subjectId: subject.id, message: `${subject.subjectId} withdrawn; ${n} future ${n === 1 ? "visit" : "visits"} canceled.` };
  });
}
