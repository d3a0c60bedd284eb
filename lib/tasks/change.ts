/**
 * What a change to a task means, decided once for REST's PATCH and GraphQL's mutation: a `status`
 * travels alone — `done` completes, `dismissed` dismisses (with a `reason`), `open` reopens — and
 * anything else edits the open task's title, details, due time, priority or assignee.
 */
import "server-only";
import { z } from "zod";
import { TASK_STATUSES, type Task } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ValidationError } from "../errors";
import { authorizeAttempt } from "../policy";
import { jsonVersion, reasonText } from "../validation/fields";
import { statusOrEdits } from "../validation/status-or-edits";
import { taskFields } from "../validation/task";
import { completeTask, dismissTask, editTask, reopenTask } from "./update";

export const taskChangeSchema = z
  .object({
    version: jsonVersion,
    status: z.enum(TASK_STATUSES, { error: `Use one of: ${TASK_STATUSES.join(", ")}.` }).optional().describe("`done` completes, `dismissed` dismisses (with a reason), `open` reopens a closed task."),
    reason: reasonText.optional().describe("Why the task is dismissed: required with `status: dismissed`, taken with nothing else."),
    title: taskFields.title.optional(),
    details: taskFields.details.nullable().optional().describe("Free text; null clears it."),
    dueAt: taskFields.dueAt.optional().describe("A new due time. ISO 8601 with a zone, or site-local YYYY-MM-DDTHH:mm."),
    priority: taskFields.priority.optional(),
    assigneeId: taskFields.assigneeId.optional().describe("An active coordinator or investigator of the task's site (replaces a role)."),
    assigneeRole: taskFields.assigneeRole.optional().describe("Everyone of this role at the task's site (replaces a person)."),
  })
  .strict();

const EDITS = ["title", "details", "dueAt", "priority", "assigneeId", "assigneeRole"] as const;

export async function changeTask(actor: Actor, id: string, input: unknown): Promise<Task> {
  // May this role change tasks at all? Asked before the input is read, as every write does.
  authorizeAttempt(actor, "task.update");
  const change = parseOrThrow(taskChangeSchema, input);
  const { version, status, reason } = change;
  const edits = statusOrEdits(change, "status", EDITS);
  if (reason !== undefined && status !== "dismissed") {
    throw new ValidationError("A reason goes with `status: dismissed`.", { reason: ["Send it with status \"dismissed\"."] });
  }
  switch (status) {
    case "done":
      return completeTask(actor, { id, version });
    case "dismissed":
      return dismissTask(actor, { id, version, reason });
    case "open":
      return reopenTask(actor, { id, version });
  }
  if (edits.length === 0) {
    throw new ValidationError("Nothing to change.", { form: ["Send a status, or a new title, details, dueAt, priority, assigneeId or assigneeRole."] });
  }
  return editTask(actor, { id, version, ...Object.fromEntries(edits.map((f) => [f, change[f]])) });
}
