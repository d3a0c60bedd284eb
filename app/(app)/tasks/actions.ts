"use server";

/**
 * Every task form's server action — on /tasks, the subject's timeline and the dashboard alike: the
 * lib call, then the pages that show the task re-render from the database.
 */
import { revalidatePath } from "next/cache";
import type { Task } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { createTask } from "@/lib/tasks/create";
import { completeTask, dismissTask, editTask, reopenTask } from "@/lib/tasks/update";
import { formAction, type FormInput } from "@/lib/validation/form-action";
import { TASK_ROLES } from "@/lib/validation/task";

function taskAction(run: (input: FormInput, actor: Actor) => Promise<Task>, message: (task: Task) => string) {
  return formAction(async (input, actor) => {
    const task = await run(input, actor);
    revalidatePath("/tasks");
    revalidatePath("/");
    if (task.subjectId) revalidatePath(`/subjects/${task.subjectId}`);
    return { status: "success", message: message(task) };
  });
}

/** The form's one "Assigned to" choice: a role's name, or a person's id. */
function assignee(input: FormInput) {
  const value = input.text("assignee");
  return (TASK_ROLES as readonly (string | undefined)[]).includes(value) ? { assigneeRole: value } : { assigneeId: value };
}

/** The form's "About" choice, "entity:id". */
function about(input: FormInput) {
  const [entity, entityId] = (input.text("about") ?? "").split(":");
  return { entity: entity || undefined, entityId };
}

const TASK_FIELDS = ["title", "details", "dueAt", "priority"] as const;

export const createTaskAction = taskAction(
  (input, actor) => createTask(actor, { ...about(input), ...input.pick(TASK_FIELDS), ...assignee(input) }),
  (t) => `Task “${t.title}” created.`,
);

export const editTaskAction = taskAction(
  (input, actor) => editTask(actor, { ...input.pick(["id", "version", ...TASK_FIELDS]), ...assignee(input) }),
  (t) => `Task “${t.title}” saved.`,
);

export const completeTaskAction = taskAction((input, actor) => completeTask(actor, input.pick(["id", "version"])), (t) => `Task “${t.title}” done.`);

export const dismissTaskAction = taskAction(
  (input, actor) => dismissTask(actor, input.pick(["id", "version", "reason"])),
  (t) => `Task “${t.title}” dismissed.`,
);

export const reopenTaskAction = taskAction((input, actor) => reopenTask(actor, input.pick(["id", "version"])), (t) => `Task “${t.title}” reopened.`);
