/**
 * A person's follow-up task about a record of their site (rules make theirs in lib/rules): due at a
 * site-local time, for one active person of the site or for a role there.
 */
import "server-only";
import type { Task } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { createTaskSchema } from "../validation/task";
import { parseFor, write } from "../write/road";
import { loadTaskRecord } from "./about";
import { checkAssignee, checkDueAt, FIX_FIELDS } from "./rules";

export async function createTask(actor: Actor, input: unknown, now = new Date()): Promise<Task> {
  const data = parseFor(actor, "task.create", createTaskSchema, input);
  return write(actor, "task.create", async (w) => {
    const about = await loadTaskRecord(w, data.entity, data.entityId);
    const errors: Record<string, string[]> = {};
    const dueAt = checkDueAt(errors, data.dueAt, about.timeZone, now);
    if (data.assigneeId) await checkAssignee(w.tx, errors, about.siteId, data.assigneeId);
    if (Object.keys(errors).length > 0 || !dueAt) throw new ValidationError(FIX_FIELDS, errors);
    return w.insert("task", {
      siteId: about.siteId,
      studyId: about.studyId,
      subjectId: about.subjectId,
      entity: data.entity,
      entityId: data.entityId,
      title: data.title,
      details: data.details,
      dueAt,
      assigneeId: data.assigneeId ?? null,
      assigneeRole: data.assigneeRole ?? null,
      priority: data.priority ?? "normal",
      source: "person",
      createdById: actor.id,
    });
  });
}
