import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, tasks } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { insertTask, taskCounts } from "@/tests/fixtures-tasks";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { completeTask, dismissTask, editTask, reopenTask } from "./update";

const f = withTwoSites();
const NOW = new Date("2030-03-01T12:00:00Z");

async function auditOf(id: string) {
  const db = await testDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.entity, "task"), eq(auditEvents.entityId, id))).orderBy(asc(auditEvents.seq));
}

describe("editTask", () => {
  it("changes only what was sent, due time read at the site; a role replaces the person; audited old → new", async () => {
    const task = await insertTask(f);
    const coord = await f.actor(f.users.coordA.id);
    const edited = await editTask(coord, { id: task.id, version: 1, title: "Call back", dueAt: "2030-03-05T08:30", priority: "urgent", assigneeId: f.users.invA.id }, NOW);
    expect(edited).toMatchObject({ title: "Call back", dueAt: new Date("2030-03-05T13:30:00Z"), priority: "urgent", assigneeId: f.users.invA.id, assigneeRole: null, details: null, version: 2 });
    const byRole = await editTask(await f.actor(f.users.invA.id), { id: task.id, version: 2, assigneeRole: "investigator", details: "Bring the diary" }, NOW);
    expect(byRole).toMatchObject({ assigneeId: null, assigneeRole: "investigator", details: "Bring the diary", title: "Call back", version: 3 });
    const cleared = await editTask(coord, { id: task.id, version: 3, details: "" }, NOW);
    expect(cleared.details).toBeNull();
    const [first, second] = await auditOf(task.id);
    expect(first).toMatchObject({ action: "update", actorId: coord.id });
    expect(first!.changes).toEqual({
      title: ["Call about the diary", "Call back"],
      dueAt: ["2030-03-02T14:00:00.000Z", "2030-03-05T13:30:00.000Z"],
      priority: ["normal", "urgent"],
      assigneeId: [f.users.coordA.id, f.users.invA.id],
    });
    expect(second!.changes).toEqual({ assigneeId: [f.users.invA.id, null], assigneeRole: [null, "investigator"], details: [null, "Bring the diary"] });
  });

  it("refuses a stale version (with the newer task), nothing changed, bad fields, another site's person — writing nothing", async () => {
    const task = await insertTask(f, { version: 2 });
    const coord = await f.actor(f.users.coordA.id);
    const before = await taskCounts();
    const stale = await editTask(coord, { id: task.id, version: 1, title: "Old tab" }, NOW).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<{ title: string; version: number }>).current).toMatchObject({ title: "Call about the diary", version: 2 });
    await expect(editTask(coord, { id: task.id, version: 2, title: "Call about the diary", dueAt: "2030-03-02T09:00" }, NOW)).rejects.toThrow(/Nothing changed/);
    const fields = async (input: Record<string, unknown>) => Object.keys(((await editTask(coord, { id: task.id, version: 2, ...input }, NOW).catch((e) => e)) as ValidationError).fieldErrors).sort();
    expect(await fields({ title: "", priority: "whenever" })).toEqual(["priority", "title"]);
    expect(await fields({ assigneeId: f.users.invA.id, assigneeRole: "coordinator" })).toEqual(["assigneeId"]);
    expect(await fields({ assigneeId: f.users.invB.id })).toEqual(["assigneeId"]);
    expect(await fields({ dueAt: "2030-03-10T02:15" })).toEqual(["dueAt"]);
    expect(await fields({ status: "done" })).toEqual(["form"]);
    expect(await taskCounts()).toEqual(before);
  });
});

describe("completing, dismissing and reopening", () => {
  it("completes an open task, dismisses one with its reason, reopens a closed one — each audited", async () => {
    const inv = await f.actor(f.users.invA.id);
    const task = await insertTask(f);
    const done = await completeTask(inv, { id: task.id, version: 1 }, NOW);
    expect(done).toMatchObject({ status: "done", closedAt: NOW, closedById: inv.id, dismissReason: null, version: 2 });
    const reopened = await reopenTask(inv, { id: task.id, version: 2 });
    expect(reopened).toMatchObject({ status: "open", closedAt: null, closedById: null, version: 3 });
    const dismissed = await dismissTask(inv, { id: task.id, version: 3, reason: "  Subject already called us.  " }, NOW);
    expect(dismissed).toMatchObject({ status: "dismissed", dismissReason: "Subject already called us.", closedAt: NOW, closedById: inv.id, version: 4 });
    const reopenedAgain = await reopenTask(inv, { id: task.id, version: 4 });
    expect(reopenedAgain).toMatchObject({ status: "open", dismissReason: null, version: 5 });
    const audit = await auditOf(task.id);
    expect(audit.map((a) => a.action)).toEqual(["complete", "reopen", "dismiss", "reopen"]);
    expect(audit[2]).toMatchObject({ reason: "Subject already called us.", actorId: inv.id });
    expect(audit[2]!.changes).toMatchObject({ status: ["open", "dismissed"], dismissReason: [null, "Subject already called us."] });
  });

  it("refuses a dismissal without a reason, closing a closed task, reopening an open one, a stale version — writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const open = await insertTask(f);
    const done = await insertTask(f, { status: "done", closedAt: NOW, closedById: f.users.coordA.id });
    const before = await taskCounts();
    const noReason = await dismissTask(coord, { id: open.id, version: 1, reason: "  " }, NOW).catch((e) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect(Object.keys((noReason as ValidationError).fieldErrors)).toEqual(["reason"]);
    await expect(completeTask(coord, { id: done.id, version: 1 }, NOW)).rejects.toThrow(/This task is done; only an open task can be completed/);
    await expect(dismissTask(coord, { id: done.id, version: 1, reason: "x" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(editTask(coord, { id: done.id, version: 1, title: "x" }, NOW)).rejects.toThrow(/only an open task can be edited/);
    await expect(reopenTask(coord, { id: open.id, version: 1 })).rejects.toThrow(/only a closed task can be reopened/);
    await expect(completeTask(coord, { id: open.id, version: 7 }, NOW)).rejects.toBeInstanceOf(ConflictError);
    expect(await taskCounts()).toEqual(before);
  });

  it("does not find another site's task; refuses sponsors and admins as roles — writing nothing", async () => {
    const own = await insertTask(f);
    const foreign = await insertTask(f, {}, "B");
    const before = await taskCounts();
    const coord = await f.actor(f.users.coordA.id);
    await expect(completeTask(coord, { id: foreign.id, version: 1 }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(dismissTask(coord, { id: foreign.id, version: 1, reason: "x" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(editTask(coord, { id: foreign.id, version: 1, title: "x" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reopenTask(coord, { id: "not-an-id", version: 1 })).rejects.toBeInstanceOf(ValidationError);
    for (const id of [f.users.sponsor.id, f.users.admin.id]) {
      const actor = await f.actor(id);
      await expect(completeTask(actor, { id: own.id, version: 1 }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(editTask(actor, { id: own.id, version: 1, title: "x" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(dismissTask(actor, { id: foreign.id, version: 1, reason: "x" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await taskCounts()).toEqual(before);
    const db = await testDb();
    expect((await db.select().from(tasks).where(eq(tasks.id, own.id)))[0]).toMatchObject({ status: "open", version: 1 });
  });
});
