/**
 * zod schemas for follow-up tasks, shared by the /tasks and timeline forms, the actions and the
 * API. The due time arrives as typed at the site ("YYYY-MM-DDTHH:mm") or as an ISO instant with a
 * zone; the lib reads it in the site's time zone once it knows the task's site (lib/tasks/due.ts).
 * A task goes to one person or to a role at its site: `assigneeId` or `assigneeRole`, never both.
 */
import { z } from "zod";
import { TASK_ENTITIES, TASK_PRIORITIES } from "@/domain/vocabulary";
import { clearableField, dateTime, nullableField, optionalField, reason, recordId, requiredText, version } from "./fields";

export const TASK_TITLE_MAX = 200;
export const TASK_DETAILS_MAX = 2000;
/** The roles a task may go to as a whole: whoever of the site's coordinators (or investigators) takes it. */
export const TASK_ROLES = ["coordinator", "investigator"] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

/** A task's fields as every transport sends them. */
export const taskFields = {
  title: requiredText("Give the task a title.", TASK_TITLE_MAX),
  details: z.string().trim().max(TASK_DETAILS_MAX, `Use at most ${TASK_DETAILS_MAX} characters.`),
  dueAt: dateTime("due date and time"),
  priority: z.enum(TASK_PRIORITIES, { error: "Choose a priority." }),
  assigneeId: recordId("Choose a person of the site."),
  assigneeRole: z.enum(TASK_ROLES, { error: "Choose coordinators or investigators." }),
};

const BOTH = "Choose a person or a role, not both.";

/** One assignee at most (runs even when other fields failed, so every problem shows at once). */
function oneAssignee(v: { assigneeId?: unknown; assigneeRole?: unknown }, ctx: z.RefinementCtx, required: boolean) {
  // Runs even when the body is not an object at all (JSON `null`): the type error says it already.
  if (typeof v !== "object" || v === null) return;
  const id = v.assigneeId !== undefined && v.assigneeId !== null;
  const role = v.assigneeRole !== undefined && v.assigneeRole !== null;
  if (id && role) ctx.addIssue({ code: "custom", path: ["assigneeId"], message: BOTH });
  else if (required && !id && !role) ctx.addIssue({ code: "custom", path: ["assigneeId"], message: "Choose who does it: a person or a role." });
}

export const createTaskSchema = z
  .object({
    entity: z.enum(TASK_ENTITIES, { error: "Choose what the task is about." }),
    entityId: recordId("Choose the record the task is about."),
    title: taskFields.title,
    details: nullableField(taskFields.details),
    dueAt: taskFields.dueAt,
    /** Left out: normal. */
    priority: optionalField(taskFields.priority),
    assigneeId: optionalField(taskFields.assigneeId),
    assigneeRole: optionalField(taskFields.assigneeRole),
  })
  .strict()
  .superRefine((v, ctx) => oneAssignee(v, ctx, true), { when: () => true });
export type CreateTaskInput = z.input<typeof createTaskSchema>;

const existing = { id: recordId("Choose an existing task."), version };

/** Edits an open task: only what is sent changes; blank details clear them. A person or a role replaces the assignee. */
export const editTaskSchema = z
  .object({
    ...existing,
    title: taskFields.title.optional(),
    details: clearableField(taskFields.details),
    dueAt: taskFields.dueAt.optional(),
    priority: optionalField(taskFields.priority),
    assigneeId: optionalField(taskFields.assigneeId),
    assigneeRole: optionalField(taskFields.assigneeRole),
  })
  .strict()
  .superRefine((v, ctx) => oneAssignee(v, ctx, false), { when: () => true });
export type EditTaskInput = z.input<typeof editTaskSchema>;

/** Done, or reopened: the version is all it takes. */
export const closeTaskSchema = z.object(existing).strict();

export const dismissTaskSchema = z.object({ ...existing, reason: reason("Give the reason for dismissing the task.") }).strict();
