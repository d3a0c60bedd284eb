/** Subject notes as the API returns them: one site-scoped query per page; sponsors get no text. */
import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { type Db } from "@/db";
import { subjectNotes } from "@/db/schema";
import type { Actor } from "../../../actor";
import { noteIncludes, noteModel } from "../../../read-model/note";
import { visibleTo, type RetiredFilter } from "../../../read-model/visible";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { NOTE_FIELDS, type NOTE_ORDER, type SubjectNoteListQuery } from "./schema";

const ORDER: Record<(typeof NOTE_ORDER)[number], OrderField> = {
  createdAt: { column: subjectNotes.createdAt, cast: "timestamptz" },
  updatedAt: { column: subjectNotes.updatedAt, cast: "timestamptz" },
};

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>, retired?: RetiredFilter) {
  const query = db
    .select({ ...noteModel.pick(actor, NOTE_FIELDS), _key: key, ...noteIncludes.fields(actor, include) })
    .from(subjectNotes)
    .$dynamic();
  return noteIncludes.join(query, include).where(and(visibleTo(actor, subjectNotes, { retired }), where));
}

const reader = resourceReader({
  read: "note.read",
  notFound: "Note not found.",
  idColumn: subjectNotes.id,
  order: ORDER,
  select,
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
