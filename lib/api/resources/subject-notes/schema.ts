import { z } from "zod";
import { NOTE_TYPES } from "@/domain/vocabulary";
import { reason } from "../../../validation/fields";
import { noteFields } from "../../../validation/note";
import { listQueryShape, retiredQuery } from "../../list";
import { noteModel } from "../../../read-model/note";
import { RETIRE_FACTS } from "../../../read-model/visible";
import { EmbeddedSubject, EmbeddedUser, modelFields, RECORD_FIELDS, RETIRE_NOTES, uuid, versionField } from "../common";

/** A note's own columns as the API carries them; ./queries.ts selects exactly these. */
export const NOTE_FIELDS = [...RECORD_FIELDS, "subjectId", "studyId", "siteId", "authorId", "noteType", "noteText", ...RETIRE_FACTS] as const;

export const SubjectNote = z
  .object({
    ...modelFields(noteModel, NOTE_FIELDS, { noteText: "Free text.", ...RETIRE_NOTES }),
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
