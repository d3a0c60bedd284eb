import { z } from "zod";
import { NOTE_TYPES } from "@/domain/vocabulary";
import { reason } from "../../../validation/fields";
import { noteFields } from "../../../validation/note";
import { listQueryShape, retiredQuery } from "../../list";
import { EmbeddedSubject, EmbeddedUser, meta, retiredFields, uuid, versionField } from "../common";

export const SubjectNote = z
  .object({
    ...meta,
    subjectId: uuid,
    studyId: uuid,
    siteId: uuid,
    authorId: uuid,
    noteType: z.enum(NOTE_TYPES),
    noteText: z.string().nullable().describe("Null for sponsors (no free text)."),
    ...retiredFields,
    subject: EmbeddedSubject.optional(),
    author: EmbeddedUser.optional(),
  })
  .meta({ id: "SubjectNote" });

export const NOTE_ORDER = ["createdAt", "updatedAt"] as const;
export const NOTE_INCLUDE = ["subject", "author"] as const;

export const SubjectNoteListQuery = z
  .object({
    subjectId: uuid.optional(),
    studyId: uuid.optional(),
    noteType: z.enum(NOTE_TYPES).optional(),
    retired: retiredQuery,
    ...listQueryShape({ order: NOTE_ORDER, defaultOrder: "-createdAt", include: NOTE_INCLUDE }),
  })
  .strict();
export type SubjectNoteListQuery = z.output<typeof SubjectNoteListQuery>;

/** PATCH: only the note's author may edit it, with the version read and a reason. */
export const SubjectNotePatch = z
  .object({
    version: versionField,
    reason: reason().describe("Reason for the change (required)."),
    noteType: noteFields.noteType.optional(),
    noteText: noteFields.noteText.optional(),
  })
  .strict()
  .meta({ id: "SubjectNotePatch" });
