/** /api/v1/tasks — the same lib functions as the /tasks page and the subject timeline's task forms. */
import { changeTask, taskChangeSchema } from "../../../tasks/change";
import { createTask } from "../../../tasks/create";
import { createTaskSchema } from "../../../validation/task";
import { createCommand } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { changeCommand } from "../record-commands";
import { taskReader } from "./queries";
import { Task, TaskListQuery } from "./schema";

const home = { tag: "Tasks", path: "/tasks", noun: "task" };

export const taskCommands = [
  createCommand(home, {
    operationId: "createTask",
    summary: "Create a follow-up task about a subject, visit, adverse event, screening or study",
    body: createTaskSchema,
    run: (actor, { body }) => createTask(actor, body),
  }),
  changeCommand(home, {
    summary: "Complete, dismiss (with a reason) or reopen a task, or edit its title, details, due time, priority or assignee",
    schema: taskChangeSchema,
    change: changeTask,
  }),
];

export const taskResource = resource({
  home,
  schema: Task,
  listQuery: TaskListQuery,
  include: [],
  reader: taskReader,
  commands: taskCommands,
});
export const taskRoutes = resourceRoutes(taskResource);
