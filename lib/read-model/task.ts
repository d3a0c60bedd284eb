/**
 * Follow-up tasks. Sponsors never read them (the policy's task.read), but the details are free text
 * about a subject's care, so they are withheld like a note's text should a new path ever show one.
 */
import "server-only";
import { getTableColumns } from "drizzle-orm";
import { subjects, tasks } from "@/db/schema";
import { joinTo, studyAndSiteJoins } from "./joins";
import { readModel } from "./model";
import { taskAssignee, taskCloser } from "./user";

export const taskModel = readModel({
  audit: "task", read: "task.read",
  columns: getTableColumns(tasks),
  identifying: { details: "withhold", dismissReason: "withhold" },
});

/**
 * A task's relations: its subject (none for a study's task), assignee and closer (may be none), study
 * and site. All but the site may be missing, so they are left joins — and a task has no `include=`
 * embeds in the API: the read model's embeds join inner, which would drop such tasks.
 */
export const taskJoins = {
  subject: joinTo(subjects, tasks.subjectId),
  assignee: joinTo(taskAssignee, tasks.assigneeId),
  closedBy: joinTo(taskCloser, tasks.closedById),
  ...studyAndSiteJoins(tasks),
};
