/**
 * Tasks as the API returns them: one site-scoped query per page. `assignee=me` is the caller's id:
 * the same condition as the /tasks page's "Mine" (assigned to them, or to their role at the site).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { tasks } from "@/db/schema";
import type { Actor } from "../../../actor";
import { scopeWhere } from "../../../policy";
import { taskModel } from "../../../read-model/task";
import { assignedToSql, dueBeforeSql } from "../../../tasks/conditions";
import { listFilters, resourceReader } from "../../resource-reader";
import { TASK_FIELDS, TASK_ORDER, type TaskListQuery } from "./schema";

const reader = resourceReader(taskModel, TASK_FIELDS, {
  noun: "task",
  order: TASK_ORDER,
  scope: (actor) => scopeWhere(actor, tasks),
  filters: listFilters<TaskListQuery>()({
    assignee: (v) => assignedToSql(v),
    status: (v) => eq(tasks.status, v),
    priority: (v) => eq(tasks.priority, v),
    subjectId: (v) => eq(tasks.subjectId, v),
    studyId: (v) => eq(tasks.studyId, v),
    entity: (v) => eq(tasks.entity, v),
    entityId: (v) => eq(tasks.entityId, v),
    dueBefore: (v) => dueBeforeSql(v),
  }),
});

/** `assignee=me` names the caller. */
const resolved = (actor: Actor, q: TaskListQuery): TaskListQuery => (q.assignee === "me" ? { ...q, assignee: actor.id } : q);

export const taskReader = {
  ...reader,
  list: (actor: Actor, q: TaskListQuery) => reader.list(actor, resolved(actor, q)),
  listJson: (actor: Actor, q: TaskListQuery) => reader.listJson(actor, resolved(actor, q)),
};
