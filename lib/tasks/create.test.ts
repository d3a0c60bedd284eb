import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { testDb } from "@/tests/db";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { addScreening } from "@/tests/fixtures-screening";
import { taskCounts } from "@/tests/fixtures-tasks";
import { makeVisit } from "@/tests/fixtures-visits";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { createTask } from "./create";

const f = withTwoSites();
const NOW = new Date("2030-03-01T12:00:00Z");
const base = () => ({ entity: "subject", entityId: f.subjectA.id, title: "Call about the diary", dueAt: "2030-03-04T09:00", assigneeId: f.users.invA.id });

beforeAll(async () => {
  await consentBoth(f);
});

describe("createTask", () => {
  it("makes an open task about the actor's site's subject, due at the site's wall-clock time, audited", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const task = await createTask(coord, { ...base(), details: "  Ask about missed doses.  ", priority: "high" }, NOW);
    expect(task).toMatchObject({
      siteId: f.siteA.id,
      studyId: f.studyA.id,
      subjectId: f.subjectA.id,
      entity: "subject",
      entityId: f.subjectA.id,
      title: "Call about the diary",
      details: "Ask about missed doses.",
      // 09:00 in New York (EST, UTC-5).
      dueAt: new Date("2030-03-04T14:00:00Z"),
      assigneeId: f.users.invA.id,
      assigneeRole: null,
      priority: "high",
      status: "open",
      source: "person",
      ruleKey: null,
      createdById: coord.id,
      version: 1,
    });
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, task.id));
    expect(audit).toMatchObject({ entity: "task", action: "create", actorId: coord.id, siteId: f.siteA.id });
    expect(audit!.changes).toMatchObject({ title: [null, "Call about the diary"], assigneeId: [null, f.users.invA.id] });
  });

  it("takes the subject and study of a visit, an AE or a screening; a study's task has no subject; a role may take it", async () => {
    const inv = await f.actor(f.users.invA.id);
    const visit = await makeVisit(f, { scheduledAt: new Date("2030-03-05T15:00:00Z") });
    const ae = await insertAe(f);
    const screening = await addScreening(f.subjectA, f.users.coordA.id);
    for (const [entity, entityId] of [["visit", visit.id], ["adverse_event", ae.id], ["screening", screening.id]] as const) {
      const task = await createTask(inv, { ...base(), entity, entityId, assigneeId: undefined, assigneeRole: "coordinator" }, NOW);
      expect(task, entity).toMatchObject({ entity, entityId, subjectId: f.subjectA.id, studyId: f.studyA.id, assigneeId: null, assigneeRole: "coordinator", priority: "normal" });
    }
    const studyTask = await createTask(inv, { ...base(), entity: "study", entityId: f.studyA.id, dueAt: "2030-03-04T14:00:00Z" }, NOW);
    expect(studyTask).toMatchObject({ entity: "study", entityId: f.studyA.id, studyId: f.studyA.id, subjectId: null, siteId: f.siteA.id, dueAt: new Date("2030-03-04T14:00:00Z") });
  });

  it("refuses bad input naming each field — and a time that does not exist at the site, a person of another site or a disabled one — writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await taskCounts();
    const fields = async (input: Record<string, unknown>) => {
      const error = await createTask(coord, input, NOW).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return Object.keys((error as ValidationError).fieldErrors).sort();
    };
    expect(await fields({ entity: "patient", entityId: "x", title: "x".repeat(201), dueAt: "soon", priority: "asap" })).toEqual(["assigneeId", "dueAt", "entity", "entityId", "priority", "title"]);
    expect(await fields({ ...base(), assigneeRole: "investigator" })).toEqual(["assigneeId"]);
    expect(await fields({ ...base(), assigneeRole: "admin", assigneeId: undefined })).toEqual(["assigneeRole"]);
    expect(await fields({ ...base(), title: "  ", details: "y".repeat(2001) })).toEqual(["details", "title"]);
    expect(await fields({ ...base(), extra: 1 })).toEqual(["form"]);
    // Clocks go forward at 02:00 on 10 March 2030 in New York: 02:30 never happens there.
    expect(await fields({ ...base(), dueAt: "2030-03-10T02:30" })).toEqual(["dueAt"]);
    expect(await fields({ ...base(), dueAt: "2040-01-01T09:00" })).toEqual(["dueAt"]);
    expect(await fields({ ...base(), assigneeId: f.users.coordB.id })).toEqual(["assigneeId"]);
    const leaver = await makeUser("leaver_task", "coordinator", f.siteA.id, "disabled");
    expect(await fields({ ...base(), assigneeId: leaver.id })).toEqual(["assigneeId"]);
    expect(await fields({ ...base(), assigneeId: f.users.sponsor.id })).toEqual(["assigneeId"]);
    expect(await taskCounts()).toEqual(before);
  });

  it("does not find another site's record, a missing one or a retired one", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await taskCounts();
    const retiredVisit = await makeVisit(f, { scheduledAt: NOW, retiredAt: NOW, retireReason: "Duplicate", retiredById: f.users.coordA.id });
    for (const [entity, entityId] of [
      ["subject", f.subjectB.id],
      ["study", f.studyB.id],
      ["subject", "00000000-0000-4000-8000-000000000000"],
      ["visit", f.subjectA.id],
      ["visit", retiredVisit.id],
    ] as const) {
      await expect(createTask(coord, { ...base(), entity, entityId }, NOW), `${entity} ${entityId}`).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await taskCounts()).toEqual(before);
  });

  it("refuses sponsors and admins as roles, before reading the input or the record", async () => {
    const before = await taskCounts();
    for (const id of [f.users.sponsor.id, f.users.admin.id]) {
      const actor = await f.actor(id);
      await expect(createTask(actor, base(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createTask(actor, { title: "" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // A coordinator whose account was disabled meanwhile writes nothing either.
    const db = await testDb();
    const gone = await makeUser("gone_task", "coordinator", f.siteA.id);
    const actor = await f.actor(gone.id);
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, gone.id));
    await expect(createTask({ ...actor, status: "disabled" }, base(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await taskCounts()).toEqual(before);
  });
});
