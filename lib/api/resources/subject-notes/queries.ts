/** Subject notes as the API returns them: one site-scoped query per page; sponsors get no text. */
import "server-only";
import { eq } from "drizzle-orm";
import { subjectNotes } from "@/db/schema";
import { noteIncludes, noteModel } from "../../../read-model/note";
import { visibleTo } from "../../../read-model/visible";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { NOTE_FIELDS, type NOTE_ORDER, type SubjectNoteListQuery } from "./schema";

const ORDER: Record<(typeof NOTE_ORDER)[number], OrderField> = {
  createdAt: { column: subjectNotes.createdAt, cast: "timestamptz" },
  updatedAt: { column: subjectNotes.updatedAt, cast: "timestamptz" },
};

const reader = resourceReader({
  read: "note.read",
  notFound: "Note not found.",
  order: ORDER,
  table: subjectNotes,
  columns: (actor) => noteModel.pick(actor, NOTE_FIELDS),
  includes: noteIncludes,
  scope: (actor, retired) => visibleTo(actor, subjectNotes, { retired }),
  filters: listFilters<SubjectNoteListQuery>()({
    subjectId: (v) => eq(subjectNotes.subjectId, v),
    studyId: (v) => eq(subjectNotes.studyId, v),
    noteType: (v) => eq(subjectNotes.noteType, v),
  }),
});

export const listSubjectNoteResources = reader.list;
/** The same page as JSON text built by the database, for REST (lib/api/json-select). */
export const listSubjectNoteResourcesJson = reader.listJson;
export const getSubjectNoteResource = reader.get;
