/** A note on a subject's timeline (call, visit, screening, consent, general), by its author. */
import type { SubjectNote } from "@/db/schema";
import type { Actor } from "../actor";
import { loadSubjectForWrite } from "../subjects/load-for-write";
import { createNoteSchema } from "../validation/note";
import { parseFor, write } from "../write/road";

export async function createNote(actor: Actor, input: unknown): Promise<SubjectNote> {
  const data = parseFor(actor, "note.create", createNoteSchema, input);
  return write(actor, "note.create", async (w) => {
    const { subject } = await loadSubjectForWrite(w, data.subjectId, { lock: "share" });
    return w.insert("subject_note", {
      siteId: subject.siteId,
      studyId: subject.studyId,
      subjectId: subject.id,
      authorId: actor.id,
      noteType: data.noteType,
      noteText: data.noteText,
    });
  });
}
