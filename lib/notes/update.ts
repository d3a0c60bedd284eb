/**
 * Editing a note: only its author, with a reason. The earlier text is not lost — the audit trail
 * keeps every version (old → new), and the timeline shows the note as edited with that history.
 */
import { and, eq, isNull } from "drizzle-orm";
import { subjectNotes, type SubjectNote } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { diffChanges } from "../audit";
import { NotFoundError, ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { updateVersioned } from "../versioned";
import { updateNoteSchema } from "../validation/note";
import { recordChange, transact } from "../write";

export async function updateNote(actor: Actor, input: unknown): Promise<SubjectNote> {
  authorize(actor, "note.read");
  const data = parseOrThrow(updateNoteSchema, input);
  return transact(async (tx) => {
    const scope = and(isNull(subjectNotes.retiredAt), scopeWhere(actor, subjectNotes));
    const [note] = await tx
      .select({ siteId: subjectNotes.siteId, studyId: subjectNotes.studyId, authorId: subjectNotes.authorId })
      .from(subjectNotes)
      .where(and(eq(subjectNotes.id, data.id), scope));
    if (!note) throw new NotFoundError("Note not found.");
    authorize(actor, "note.update", note);

    const { before, after } = await updateVersioned(
      tx,
      subjectNotes,
      data.id,
      data.version,
      { noteType: data.noteType, noteText: data.noteText },
      scope,
    );
    if (Object.keys(diffChanges(before, after)).length === 0) {
      throw new ValidationError("Nothing changed: edit the note before saving.");
    }
    await recordChange(tx, actor, { entity: "subject_note", action: "update", before, after, reason: data.reason });
    return after;
  });
}
