/**
 * A task's life after it is made, each step on the write road with the version the person saw:
 * edit an open task (title, details, due time, priority, assignee), complete it, dismiss it with a
 * reason, or reopen a closed one. The audit trail keeps every step (who, when, old → new, why).
 */
import "server-only";
import { tasks, type Task, type TaskStatus } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { closeTaskSchema, dismissTaskSchema, editTaskSchema } from "../validation/task";
import { siteTimeZoneOf } from "../write/extra";
import { parseFor, write, type Writer } from "../write/road";
import { checkAssignee, checkDueAt, FIX_FIELDS } from "./rules";

const CONFLICT = "Someone else saved this task after you opened it. Review their changes below, then try again.";

/** The task, locked, authorised and version-checked, refused unless it stands in one of `statuses`. */
async function loadTask(w: Writer, id: string, version: number, statuses: readonly TaskStatus[], verb: string) {
  const loaded = await w.load("task", id, { version, notFound: "Task not found.", conflict: CONFLICT, extra: { timeZone: siteTimeZoneOf(tasks.siteId) } });
  const { status } = loaded.row;
  if (!statuses.includes(status)) {
    const only = statuses.length === 1 ? `only an ${statuses[0]} task` : "only a closed task";
    throw new ValidationError(`This task is ${status}; ${only} can be ${verb}.`, { form: [`This task is ${status}.`] });
  }
  return loaded;
}

export async function editTask(actor: Actor, input: unknown, now = new Date()): Promise<Task> {
  const data = parseFor(actor, "task.update", editTaskSchema, input);
  return write(actor, "task.update", async (w) => {
    const loaded = await loadTask(w, data.id, data.version, ["open"], "edited");
    const task = loaded.row;
    const errors: Record<string, string[]> = {};
    const values: Partial<Task> = {};
    if (data.title !== undefined) values.title = data.title;
    if (data.details !== undefined) values.details = data.details;
    if (data.priority !== undefined) values.priority = data.priority;
    if (data.dueAt !== undefined) {
      const dueAt = checkDueAt(errors, data.dueAt, loaded.extra.timeZone, now);
      if (dueAt && dueAt.getTime() !== task.dueAt.getTime()) values.dueAt = dueAt;
    }
    if (data.assigneeId !== undefined && data.assigneeId !== task.assigneeId) {
      await checkAssignee(w.tx, errors, task.siteId, data.assigneeId);
      Object.assign(values, { assigneeId: data.assigneeId, assigneeRole: null });
    }
    if (data.assigneeRole !== undefined && (data.assigneeRole !== task.assigneeRole || task.assigneeId !== null)) {
      Object.assign(values, { assigneeId: null, assigneeRole: data.assigneeRole });
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(FIX_FIELDS, errors);
    return w.update(loaded, values, { audit: "update", unchanged: "Nothing changed: edit a field before saving." });
  });
}

export async function completeTask(actor: Actor, input: unknown, now = new Date()): Promise<Task> {
  const data = parseFor(actor, "task.update", closeTaskSchema, input);
  return write(actor, "task.update", async (w) => {
    const loaded = await loadTask(w, data.id, data.version, ["open"], "completed");
    return w.update(loaded, { status: "done", closedAt: now, closedById: actor.id }, { audit: "complete" });
  });
}

export async function dismissTask(actor: Actor, input: unknown, now = new Date()): Promise<Task> {
  const data = parseFor(actor, "task.update", dismissTaskSchema, input);
  return write(actor, "task.update", async (w) => {
    const loaded = await loadTask(w, data.id, data.version, ["open"], "dismissed");
    return w.update(loaded, { status: "dismissed", dismissReason: data.reason, closedAt: now, closedById: actor.id }, { audit: "dismiss", reason: data.reason });
  });
}

/** A closed task back on the list (its closing stays in the audit trail). */
export async function reopenTask(actor: Actor, input: unknown): Promise<Task> {
  const data = parseFor(actor, "task.update", closeTaskSchema, input);
  return write(actor, "task.update", async (w) => {
    const loaded = await loadTask(w, data.id, data.version, ["done", "dismissed"], "reopened");
    return w.update(loaded, { status: "open", dismissReason: null, closedAt: null, closedById: null }, { audit: "reopen" });
  });
}
