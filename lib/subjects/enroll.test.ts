import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, visits } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { addSchedule, counts, passScreening, reload, setStudyStatus } from "@/tests/fixtures-subjects";
import { siteToday, addDaysIso, instantToLocalInput } from "../dates";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { enrollSubject } from "./enroll";
import { plannedVisits } from "./planned-visits";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await addSchedule(f.studyA.id);
  await addSchedule(f.studyB.id);
});

describe("plannedVisits", () => {
  it("plans each item at 09:00 site time on anchor + offset, with its window, skipping retired and pre-anchor items", () => {
    const schedule = [
      { id: "w4", visitType: "treatment" as const, dayOffset: 28, windowBefore: 3, windowAfter: 2, sortOrder: 3, retiredAt: null },
      { id: "scr", visitType: "screening" as const, dayOffset: -14, windowBefore: 7, windowAfter: 7, sortOrder: 1, retiredAt: null },
      { id: "bl", visitType: "baseline" as const, dayOffset: 0, windowBefore: 0, windowAfter: 0, sortOrder: 2, retiredAt: null },
      { id: "old", visitType: "treatment" as const, dayOffset: 7, windowBefore: 0, windowAfter: 0, sortOrder: 4, retiredAt: new Date() },
    ];
    // Anchored on 1 March 2024 in New York: week 4 falls after the clocks go forward (10 March).
    const planned = plannedVisits(schedule, "2024-03-01", "America/New_York");
    expect(planned).toEqual([
      { scheduleItemId: "bl", visitType: "baseline", scheduledAt: new Date("2024-03-01T14:00:00Z"), windowStart: "2024-03-01", windowEnd: "2024-03-01" },
      { scheduleItemId: "w4", visitType: "treatment", scheduledAt: new Date("2024-03-29T13:00:00Z"), windowStart: "2024-03-26", windowEnd: "2024-03-31" },
    ]);
  });
});

describe("enrollSubject", () => {
  it("enrolls a subject who passed screening and creates the planned visits with windows, audited", async () => {
    const subject = await passScreening(f.subjectA);
    const coord = await f.actor(f.users.coordA.id);
    const { subject: after, visits: created } = await enrollSubject(coord, { id: subject.id, version: subject.version });
    expect(after).toMatchObject({ status: "enrolled", version: subject.version + 1 });
    expect(after.enrolledAt).toBeInstanceOf(Date);

    const today = siteToday("America/New_York");
    expect(created.map((v) => [v.visitType, v.windowStart, v.windowEnd, v.visitStatus, v.coordinatorId])).toEqual([
      ["baseline", today, today, "scheduled", f.users.coordA.id],
      ["treatment", addDaysIso(today, 25), addDaysIso(today, 31), "scheduled", f.users.coordA.id],
    ]);
    expect(created.map((v) => instantToLocalInput(v.scheduledAt, "America/New_York"))).toEqual([`${today}T09:00`, `${addDaysIso(today, 28)}T09:00`]);

    const db = await testDb();
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.actorId, coord.id));
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(["subject:enroll", "visit:create", "visit:create"]);
    expect(audit.find((a) => a.entity === "subject")!.changes).toMatchObject({ status: ["screening", "enrolled"] });
  });

  it("refuses to enroll twice, writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const subject = await reload(f.subjectA.id);
    const before = await counts();
    const error = await enrollSubject(coord, { id: subject.id, version: subject.version }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/already enrolled/);
    expect(await counts()).toEqual(before);
  });

  it("refuses a subject who has not passed screening, and a study that does not enroll", async () => {
    const inv = await f.actor(f.users.invB.id);
    let subject = await reload(f.subjectB.id);
    const before = await counts();
    await expect(enrollSubject(inv, { id: subject.id, version: subject.version })).rejects.toThrow(/passed screening/);
    subject = await passScreening(subject);
    await setStudyStatus(f.studyB.id, "suspended");
    await expect(enrollSubject(inv, { id: subject.id, version: subject.version })).rejects.toThrow(/suspended/);
    await setStudyStatus(f.studyB.id, "recruiting");
    expect(await counts()).toEqual(before);
    expect((await reload(f.subjectB.id)).status).toBe("screening");
  });

  it("refuses a stale version, another site, wrong roles and bad input — writing nothing", async () => {
    const subject = await reload(f.subjectB.id);
    const before = await counts();
    const stale = await enrollSubject(await f.actor(f.users.coordB.id), { id: subject.id, version: subject.version + 5 }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ id: subject.id, version: subject.version });
    await expect(enrollSubject(await f.actor(f.users.coordA.id), { id: subject.id, version: subject.version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(enrollSubject(await f.actor(f.users.sponsor.id), { id: subject.id, version: subject.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(enrollSubject(await f.actor(f.users.admin.id), { id: subject.id, version: subject.version })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await enrollSubject(await f.actor(f.users.coordB.id), { id: "nope", version: "x" }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["id", "version"]);
    expect(await counts()).toEqual(before);
    const db = await testDb();
    expect(await db.select().from(visits).where(and(eq(visits.subjectId, subject.id)))).toHaveLength(0);
  });
});
