import { z } from "zod";
import { TASK_ENTITIES, TASK_PRIORITIES, TASK_STATUSES } from "@/domain/vocabulary";
import { taskModel } from "../../../read-model/task";
import { listQueryShape } from "../../list";
import { instant, modelFields, RECORD_FIELDS, uuid } from "../common";

/** A task's own columns as the API carries them; ./queries.ts selects exactly these. */
export const TASK_FIELDS = [
  ...RECORD_FIELDS, "siteId", "studyId", "subjectId", "entity", "entityId", "title", "details", "dueAt", "assigneeId", "assigneeRole",
  "priority", "status", "dismissReason", "closedAt", "closedById", "source", "createdById",
] as const;

export const Task = z
  .object(
    modelFields(taskModel, TASK_FIELDS, {
      subjectId: "The subject the task concerns; null for a study's task.",
      entity: "What the task is about; `entityId` is that record's id.",
      details: "Free text.",
      dueAt: "When it is due; entered and shown in the site's time zone.",
      assigneeId: "The one person who has it; null when it is for a role.",
      assigneeRole: "Everyone of this role at the task's site; null when it is for one person.",
      dismissReason: "Why it was dismissed (free text).",
      closedAt: "When it was completed or dismissed; null while open.",
      source: "`person`: made by someone; `rule`: made by TrialDesk's follow-up rules.",
    }),
  )
  .meta({ id: "Task" });

export const TASK_ORDER = ["dueAt", "createdAt", "updatedAt"] as const;

export const TaskListQuery = z
  .object({
    assignee: z
      .union([z.literal("me"), uuid], { error: "Use me or a user's id." })
      .optional()
      .describe("`me`: the caller's tasks, assigned to them or to their role at their site; or a user's id, for that person's."),
    status: z.enum(TASK_STATUSES).optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    subjectId: uuid.optional().describe("The subject's record id (`Subject.id`)."),
    studyId: uuid.optional(),
    entity: z.enum(TASK_ENTITIES).optional(),
    entityId: uuid.optional().describe("The record the task is about."),
    dueBefore: instant.optional().describe("Due before this instant (exclusive; ISO 8601 with a zone)."),
    ...listQueryShape({ order: TASK_ORDER, defaultOrder: "dueAt", include: [] }),
  })
  .strict();
export type TaskListQuery = z.output<typeof TaskListQuery>;
