/** zod schemas for subject notes, shared by the timeline's forms, the actions and the API. */
import { z } from "zod";
import { NOTE_TYPES } from "@/domain/vocabulary";
import { reason, recordId, requiredText, version } from "./fields";

export const NOTE_MAX_LENGTH = 5000;
/** A note's fields; forms and JSON send them alike. */
export const noteFields = {
  noteType: z.enum(NOTE_TYPES, { error: "Choose a note type." }),
  noteText: requiredText("Write the note.", NOTE_MAX_LENGTH),
};
const { noteType, noteText } = noteFields;

export const createNoteSchema = z
  .object({ subjectId: recordId("Choose an existing subject."), noteType, noteText })
  .strict();

export const updateNoteSchema = z
  .object({
    id: recordId("Choose an existing note."),
    version,
    /** Left out (the API): keeps its value. The timeline's form sends both. */
    noteType: noteType.optional(),
    noteText: noteText.optional(),
    reason: reason(),
  })
  .strict();
