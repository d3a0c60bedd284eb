/** Subject notes as the API returns them: one site-scoped query per page; sponsors get no text. */
import "server-only";
import { eq } from "drizzle-orm";
import { subjectNotes } from "@/db/schema";
import { noteIncludes, noteModel } from "../../../read-model/note";
import { visibleTo } from "../../../read-model/visible";
import { listFilters, resourceReader } from "../../resource-reader";
import { NOTE_FIELDS, NOTE_ORDER, type SubjectNoteListQuery } from "./schema";

export const subjectNoteReader = resourceReader(noteModel, NOTE_FIELDS, {
  noun: "note",
  order: NOTE_ORDER,
  includes: noteIncludes,
  scope: (actor, retired) => visibleTo(actor, subjectNotes, { retired }),
  filters: listFilters<SubjectNoteListQuery>()({
    subjectId: (v) => eq(subjectNotes.subjectId, v),
    studyId: (v) => eq(subjectNotes.studyId, v),
    noteType: (v) => eq(subjectNotes.noteType, v),
  }),
});
