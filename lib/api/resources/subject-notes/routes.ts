/** /api/v1/subject-notes — the same lib functions as the timeline's note forms. */
import { z } from "zod";
import { createNote } from "../../../notes/create";
import { updateNote } from "../../../notes/update";
import { createNoteSchema } from "../../../validation/note";
import { commandRoute, createCommand, updateCommand, withId, type Answer } from "../../http/command";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { retireCommand } from "../record-commands";
import { getSubjectNoteResource, listSubjectNoteResourcesJson } from "./queries";
import { NOTE_INCLUDE, SubjectNote, SubjectNoteListQuery, SubjectNotePatch } from "./schema";

const tag = "Subject notes";

const home = { tag, path: "/subject-notes", noun: "note" };

export const subjectNoteCommands = [
  createCommand(home, {
    operationId: "createSubjectNote",
    summary: "Write a note on a subject",
    body: createNoteSchema,
    run: (actor, { body }) => createNote(actor, body),
  }),
  updateCommand(home, {
    operationId: "updateSubjectNote",
    summary: "Edit a note (its author only)",
    body: SubjectNotePatch,
    // Only the author edits a note (asked on the locked note); what was not sent keeps its value.
    run: (actor, { id, body }) => updateNote(actor, withId(body, id)),
  }),
  retireCommand("subject_note", home, "retireSubjectNote"),
];

export const subjectNoteAnswer: Answer = { schema: SubjectNote, read: getSubjectNoteResource };

export const subjectNoteRoutes = [
  route({
    method: "GET",
    path: "/subject-notes",
    operationId: "listSubjectNotes",
    summary: "List subject notes",
    tag,
    query: SubjectNoteListQuery,
    success: { status: 200, description: "A page of notes.", schema: listEnvelope(SubjectNote) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listSubjectNoteResourcesJson(actor, query) }),
  }),
  route({
    method: "GET",
    path: "/subject-notes/{id}",
    operationId: "getSubjectNote",
    summary: "One subject note",
    tag,
    query: z.object({ include: includeParam(NOTE_INCLUDE) }).strict(),
    success: { status: 200, description: "The note.", schema: SubjectNote },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getSubjectNoteResource(actor, params.id!, query.include) }),
  }),
  ...subjectNoteCommands.map((c) => commandRoute(c, subjectNoteAnswer)),
];
