/**
 * Editing a note: only its author (policy "note.update" is granted on one's own notes), with a
 * reason. The earlier text is not lost — the audit trail keeps every version (old → new), and the
 * timeline shows the note as edited with that history.
 */
import type { SubjectNote } from "@/db/schema";
import type { Actor } from "../actor";
import { updateNoteSchema } from "../validation/note";
import { parseFor, write } from "../write/road";

export async function updateNote(actor: Actor, input: unknown): Promise<SubjectNote> {
  const data = parseFor(actor, "note.update", updateNoteSchema, input);
  return write(actor, "note.update", async (w) => {
    const loaded = await w.load("subject_note", data.id, { version: data.version, notFound: "Note not found." });
    return w.update(
      loaded,
      { noteType: data.noteType ?? loaded.row.noteType, noteText: data.noteText ?? loaded.row.noteText },
      { audit: "update", reason: data.reason, unchanged: "Nothing changed: edit the note before saving." },
    );
  });
}
