/** /api/v1/subject-notes — the same lib functions as the timeline's note forms. */
import { createNote } from "../../../notes/create";
import { updateNote } from "../../../notes/update";
import { createNoteSchema } from "../../../validation/note";
import { createCommand, libCall, updateCommand } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { retireCommand } from "../record-commands";
import { subjectNoteReader } from "./queries";
import { NOTE_INCLUDE, SubjectNote, SubjectNoteListQuery, SubjectNotePatch } from "./schema";

const tag = "Subject notes";

const home = { tag, path: "/subject-notes", noun: "note" };

export const subjectNoteCommands = [
  createCommand(home, {
    operationId: "createSubjectNote",
    summary: "Write a note on a subject",
    body: createNoteSchema,
    run: libCall(createNote),
  }),
  updateCommand(home, {
    operationId: "updateSubjectNote",
    summary: "Edit a note (its author only)",
    body: SubjectNotePatch,
    // Only the author edits a note (asked on the locked note); what was not sent keeps its value.
    run: libCall(updateNote),
  }),
  retireCommand("subject_note", home, "retireSubjectNote"),
];

export const subjectNoteResource = resource({
  home,
  // Called a note in its own words, a subject note in its operationIds.
  operations: { list: "listSubjectNotes", get: "getSubjectNote" },
  summaries: { list: "List subject notes", get: "One subject note" },
  schema: SubjectNote,
  listQuery: SubjectNoteListQuery,
  include: NOTE_INCLUDE,
  reader: subjectNoteReader,
  commands: subjectNoteCommands,
});
export const subjectNoteRoutes = resourceRoutes(subjectNoteResource);

