/** Subject notes as the API returns them: one site-scoped query per page; sponsors get no text. */
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db } from "@/db";
import { subjectNotes, subjects, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { identifying } from "../../../deidentify-sql";
import { scopeWhere } from "../../../policy";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { embeddedSubjectColumns, embeddedUserColumns } from "../common";
import type { NOTE_ORDER, SubjectNoteListQuery } from "./schema";

const ORDER: Record<(typeof NOTE_ORDER)[number], OrderField> = {
  createdAt: { column: subjectNotes.createdAt, cast: "timestamptz" },
  updatedAt: { column: subjectNotes.updatedAt, cast: "timestamptz" },
};

const author = alias(users, "note_author");

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>) {
  const query = db
    .select({
      id: subjectNotes.id,
      version: subjectNotes.version,
      createdAt: subjectNotes.createdAt,
      updatedAt: subjectNotes.updatedAt,
      subjectId: subjectNotes.subjectId,
      studyId: subjectNotes.studyId,
      siteId: subjectNotes.siteId,
      authorId: subjectNotes.authorId,
      noteType: subjectNotes.noteType,
      noteText: identifying(actor, subjectNotes.noteText),
      _key: key,
      ...(include.has("subject") ? { subject: embeddedSubjectColumns(actor) } : {}),
      ...(include.has("author") ? { author: embeddedUserColumns(author) } : {}),
    })
    .from(subjectNotes)
    .$dynamic();
  if (include.has("subject")) query.innerJoin(subjects, eq(subjects.id, subjectNotes.subjectId));
  if (include.has("author")) query.innerJoin(author, eq(author.id, subjectNotes.authorId));
  return query.where(and(isNull(subjectNotes.retiredAt), scopeWhere(actor, subjectNotes), where));
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
