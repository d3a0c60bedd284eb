/** Subject notes: the note's text is free text about the person, withheld from sponsors. */
import "server-only";
import { getTableColumns } from "drizzle-orm";
import { subjectNotes, subjects } from "@/db/schema";
import { joinTo } from "./joins";
import { includes, readModel } from "./model";
import { subjectEmbed } from "./subject";
import { author, personInclude } from "./user";

export const noteModel = readModel({
  audit: "subject_note", read: "note.read",
  columns: getTableColumns(subjectNotes),
  identifying: { noteText: "withhold", retireReason: "withhold" },
});

export const noteJoins = {
  subject: joinTo(subjects, subjectNotes.subjectId),
  author: joinTo(author, subjectNotes.authorId),
};

export const noteIncludes = includes({
  subject: { join: noteJoins.subject, fields: subjectEmbed },
  author: personInclude(noteJoins.author),
});
