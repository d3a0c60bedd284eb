"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/actor";
import { createNote } from "@/lib/notes/create";
import { updateNote } from "@/lib/notes/update";
import { retireRecord } from "@/lib/lifecycle/retire";
import { enrollSubject } from "@/lib/subjects/enroll";
import { completeSubject, markLostToFollowUp } from "@/lib/subjects/exit";
import { withdrawSubject } from "@/lib/subjects/withdraw";
import { formAction, type FormInput } from "@/lib/validation/form-action";

/** Every timeline action: lib function → message; the timeline re-renders from the database. */
function timelineAction(write: (input: FormInput, actor: Actor) => Promise<{ subjectId: string; message: string }>) {
  return formAction(async (input, actor) => {
    const { subjectId, message } = await write(input, actor);
    revalidatePath(`/subjects/${subjectId}`);
    revalidatePath("/subjects");
    return { status: "success", message };
  });
}

export const addNoteAction = timelineAction(async (input, actor) => {
  const note = await createNote(actor, input.pick(["subjectId", "noteType", "noteText"]));
  return { subjectId: note.subjectId, message: "Note added." };
});

export const editNoteAction = timelineAction(async (input, actor) => {
  const note = await updateNote(actor, input.pick(["id", "version", "noteType", "noteText", "reason"]));
  return { subjectId: note.subjectId, message: "Note updated; the earlier text stays in its history." };
});

export const enrollAction = timelineAction(async (input, actor) => {
  const { subject, visits } = await enrollSubject(actor, input.pick(["id", "version"]));
  return { subjectId: subject.id, message: `${subject.subjectId} enrolled; ${visits.length} planned ${visits.length === 1 ? "visit" : "visits"} scheduled.` };
});

export const withdrawAction = timelineAction(async (input, actor) => {
  const { subject, canceledVisits } = await withdrawSubject(actor, input.pick(["id", "version", "reason"]));
  const n = canceledVisits.length;
  return { subjectId: subject.id, message: `${subject.subjectId} withdrawn; ${n} future ${n === 1 ? "visit" : "visits"} canceled.` };
});

const canceled = (n: number) => `${n} future ${n === 1 ? "visit" : "visits"} canceled`;

export const completeAction = timelineAction(async (input, actor) => {
  const { subject, canceledVisits } = await completeSubject(actor, input.pick(["id", "version", "exitDate", "reason"]));
  return { subjectId: subject.id, message: `${subject.subjectId} completed the study; ${canceled(canceledVisits.length)}.` };
});

export const lostToFollowUpAction = timelineAction(async (input, actor) => {
  const { subject, canceledVisits } = await markLostToFollowUp(actor, input.pick(["id", "version", "exitDate", "reason"]));
  return { subjectId: subject.id, message: `${subject.subjectId} recorded as lost to follow-up; ${canceled(canceledVisits.length)}.` };
});

/** A screening or a note entered in error: struck through on the timeline, out of every list. */
export const retireScreeningAction = timelineAction(async (input, actor) => {
  const screening = await retireRecord(actor, "screening", input.pick(["id", "version", "reason"]));
  revalidatePath("/screening");
  return { subjectId: screening.subjectId, message: "Screening retired as entered in error; it stays on the timeline, struck through." };
});

export const retireNoteAction = timelineAction(async (input, actor) => {
  const note = await retireRecord(actor, "subject_note", input.pick(["id", "version", "reason"]));
  return { subjectId: note.subjectId, message: "Note retired as entered in error; it stays on the timeline, struck through." };
});

/** A subject entered in error leaves the registry; the record and its history stay, audited. */
export const retireSubjectAction = formAction(async (input, actor) => {
  const subject = await retireRecord(actor, "subject", input.pick(["id", "version", "reason"]));
  revalidatePath("/subjects");
  redirect(`/subjects?notice=retired&subject=${encodeURIComponent(subject.subjectId)}`);
});
