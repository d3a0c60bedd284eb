/** zod schemas for subject notes, shared by the timeline's forms, the actions and the API. */
import { z } from "zod";
import { NOTE_TYPES } from "@/db/schema";
import { reasonSchema } from "./subject";

const noteText = z
  .string({ error: "Write the note." })
  .trim()
  .min(1, "Write the note.")
  .max(5000, "Use at most 5000 characters.");
const noteType = z.enum(NOTE_TYPES, { error: "Choose a note type." });

export const createNoteSchema = z
  .object({ subjectId: z.uuid("Unknown subject."), noteType, noteText })
  .strict();

export const updateNoteSchema = z
  .object({
    id: z.uuid("Unknown note."),
    version: z.coerce.number({ error: "Missing record version." }).int().positive(),
    noteType,
    noteText,
    reason: reasonSchema,
  })
  .strict();
