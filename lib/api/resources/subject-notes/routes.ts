/** /api/v1/subject-notes — the same lib functions as the timeline's note forms. */
import { z } from "zod";
import type { Actor } from "../../../actor";
import { createNote } from "../../../notes/create";
import { updateNote } from "../../../notes/update";
import { authorize } from "../../../policy";
import { createNoteSchema } from "../../../validation/note";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { withApiCurrent } from "../common";
import { getSubjectNoteResource, listSubjectNoteResourcesJson } from "./queries";
import { NOTE_INCLUDE, SubjectNote, SubjectNoteListQuery, SubjectNotePatch } from "./schema";

async function patchNote(actor: Actor, id: string, patch: z.output<typeof SubjectNotePatch>) {
  const current = () => getSubjectNoteResource(actor, id);
  // Only the author edits a note: asked before merging, so nobody else learns more than "forbidden".
  const now = await current();
  authorize(actor, "note.update", now);
  // The lib takes the whole note: what was not sent keeps its current value.
  return withApiCurrent(
    () =>
      updateNote(actor, {
        id,
        version: patch.version,
        reason: patch.reason,
        noteType: patch.noteType ?? now.noteType,
        noteText: patch.noteText ?? now.noteText,
      }),
    current,
  );
}

export const subjectNoteRoutes = [
  route({
    method: "GET",
    path: "/subject-notes",
    operationId: "listSubjectNotes",
    summary: "List subject notes",
    tag: "Subject notes",
    query: SubjectNoteListQuery,
    success: { status: 200, description: "A page of notes.", schema: listEnvelope(SubjectNote) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listSubjectNoteResourcesJson(actor, query) }),
  }),
  route({
    method: "POST",
    path: "/subject-notes",
    operationId: "createSubjectNote",
    summary: "Write a note on a subject",
    tag: "Subject notes",
    body: createNoteSchema,
    success: { status: 201, description: "The new note.", schema: SubjectNote },
    errors: [400, 401, 403, 404, 415, 422, 429],
    handle: async ({ actor, rawBody }) => {
      const created = await createNote(actor, rawBody);
      return { status: 201, body: await getSubjectNoteResource(actor, created.id) };
    },
  }),
  route({
    method: "GET",
    path: "/subject-notes/{id}",
    operationId: "getSubjectNote",
    summary: "One subject note",
    tag: "Subject notes",
    query: z.object({ include: includeParam(NOTE_INCLUDE) }).strict(),
    success: { status: 200, description: "The note.", schema: SubjectNote },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getSubjectNoteResource(actor, params.id!, query.include) }),
  }),
  route({
    method: "PATCH",
    path: "/subject-notes/{id}",
    operationId: "updateSubjectNote",
    summary: "Edit a note (its author only)",
    tag: "Subject notes",
    body: SubjectNotePatch,
    success: { status: 200, description: "The note as saved.", schema: SubjectNote },
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    handle: async ({ actor, params, body }) => {
      await patchNote(actor, params.id!, body);
      return { body: await getSubjectNoteResource(actor, params.id!) };
    },
  }),
];
