/** Subject notes as the API returns them: one site-scoped query per page; sponsors get no text. */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db";
import { subjectNotes, subjects, users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { identifying } from "../../../deidentify-sql";
import { NotFoundError } from "../../../errors";
import { authorize, scopeWhere } from "../../../policy";
import { keyset, pageFrom, parseOrder, type OrderField, type Page } from "../../list";
import { embeddedSubjectColumns, embeddedUserColumns, isUuid } from "../common";
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

export async function listSubjectNoteResources(actor: Actor, q: SubjectNoteListQuery): Promise<Page<unknown>> {
  authorize(actor, "note.read");
  const { field, descending } = parseOrder<(typeof NOTE_ORDER)[number]>(q.order);
  const page = keyset(ORDER[field], descending, subjectNotes.id, q.cursor);
  const rows = await select(
    await getDb(),
    actor,
    and(
      q.subjectId ? eq(subjectNotes.subjectId, q.subjectId) : undefined,
      q.studyId ? eq(subjectNotes.studyId, q.studyId) : undefined,
      q.noteType ? eq(subjectNotes.noteType, q.noteType) : undefined,
      page.after,
    ),
    q.include,
    page.key,
  )
    .orderBy(...page.orderBy)
    .limit(q.limit + 1);
  return pageFrom(rows, q.limit);
}

export async function getSubjectNoteResource(actor: Actor, id: string, include: ReadonlySet<string> = new Set()) {
  authorize(actor, "note.read");
  if (!isUuid(id)) throw new NotFoundError("Note not found.");
  const [row] = await select(await getDb(), actor, eq(subjectNotes.id, id), include, sql<string>`''`).limit(1);
  if (!row) throw new NotFoundError("Note not found.");
  const { _key, ...note } = row;
  void _key;
  return note;
}
