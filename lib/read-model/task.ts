/**
 * Follow-up tasks. Sponsors never read them (the policy's task.read), but the details are free text
 * about a subject's care, so they are withheld like a note's text should a new path ever show one.
 */
import "server-only";
import { getTableColumns } from "drizzle-orm";
import { subjects, tasks } from "@/db/schema";
import { joinTo } from "./joins";
import { includes, readModel } from "./model";
import { subjectEmbed } from "./subject";
import { author, personInclude } from "./user";

export const taskModel = readModel({
  audit: "task", read: "task.read",
  columns: getTableColumns(tasks),
  identifying: { details: "withhold", dismissReason: "withhold" },
});

export const taskJoins = {
  subject: joinTo(subjects, tasks.subjectId),
  assignee: joinTo(author, tasks.assigneeId),
};

export const taskIncludes = includes({
  subject: { join: taskJoins.subject, fields: subjectEmbed },
  assignee: personInclude(taskJoins.assignee),
});
