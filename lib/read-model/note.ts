/** Subject notes: the note's text is free text about the person, withheld from sponsors. */
import "server-only";
import { eq, getTableColumns } from "drizzle-orm";
import { subjectNotes, subjects } from "@/db/schema";
import { includes, readModel } from "./model";
import { subjectEmbed } from "./subject";
import { author, userEmbed } from "./user";

export const noteModel = readModel({
  audit: "subject_note", read: "note.read",
  columns: getTableColumns(subjectNotes),
  identifying: { noteText: "withhold", retireReason: "withhold" },
});

export const noteJoins = {
  subject: [subjects, eq(subjects.id, subjectNotes.subjectId)],
  author: [author, eq(author.id, subjectNotes.authorId)],
} as const;

export const noteIncludes = includes({
  subject: { join: noteJoins.subject, fields: subjectEmbed },
  author: { join: noteJoins.author, fields: () => userEmbed(author) },
});
