/** A note on a subject's timeline (call, visit, screening, consent, general), by its author. */
import { subjectNotes, type SubjectNote } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { authorize } from "../policy";
import { loadSubjectForWrite } from "../subjects/load-for-write";
import { createNoteSchema } from "../validation/note";
import { recordChange, transact } from "../write";

export async function createNote(actor: Actor, input: unknown): Promise<SubjectNote> {
  authorize(actor, "note.create");
  const data = parseOrThrow(createNoteSchema, input);
  return transact(async (tx) => {
    const { subject } = await loadSubjectForWrite(tx, actor, data.subjectId);
    authorize(actor, "note.create", { siteId: subject.siteId, studyId: subject.studyId });
    const [note] = await tx
      .insert(subjectNotes)
      .values({
        siteId: subject.siteId,
        studyId: subject.studyId,
        subjectId: subject.id,
        authorId: actor.id,
        noteType: data.noteType,
        noteText: data.noteText,
      })
      .returning();
    await recordChange(tx, actor, { entity: "subject_note", action: "create", before: null, after: note! });
    return note!;
  });
}
