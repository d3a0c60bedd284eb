import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, subjects, visits } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { makeUser, twoSites } from "@/tests/fixtures";
import { writeCounts } from "@/tests/fixtures-visits";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { scheduleVisit } from "./schedule";

withTestDb();

// 10 March 2026, 11:00 in New York (EDT, UTC-4 since 8 March).
const NOW = new Date("2026-03-10T15:00:00Z");
let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
});

const input = (over: Record<string, unknown> = {}) => ({
  subjectId: f.subjectA.id,
  visitType: "unscheduled",
  scheduledAt: "2026-03-12T09:30",
  location: "Room 2",
  coordinatorId: "",
  ...over,
});

describe("scheduleVisit", () => {
  it("schedules at the site's wall-clock time, defaults the coordinator, audits and notifies", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const visit = await scheduleVisit(coord, input(), NOW);
    expect(visit).toMatchObject({
      siteId: f.siteA.id,
      studyId: f.studyA.id,
      subjectId: f.subjectA.id,
      visitType: "unscheduled",
      visitStatus: "scheduled",
      location: "Room 2",
      coordinatorId: f.subjectA.coordinatorId,
      version: 1,
    });
    // 09:30 in New York on 12 March is 13:30 UTC.
    expect(visit.scheduledAt.toISOString()).toBe("2026-03-12T13:30:00.000Z");
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, visit.id));
    expect(audit).toMatchObject({ entity: "visit", action: "create", actorId: coord.id, siteId: f.siteA.id });
    expect(audit!.changes).toMatchObject({ visitType: [null, "unscheduled"], location: [null, "Room 2"] });
  });

  it("takes a chosen coordinator of the site, and an ISO instant from an API client", async () => {
    const inv = await f.actor(f.users.invA.id);
    const visit = await scheduleVisit(inv, input({ coordinatorId: f.users.invA.id, scheduledAt: "2026-03-13T14:00:00Z", location: "" }), NOW);
    expect(visit).toMatchObject({ coordinatorId: f.users.invA.id, location: null });
    expect(visit.scheduledAt.toISOString()).toBe("2026-03-13T14:00:00.000Z");
  });

  it("answers 'not found' for another site's subject and writes nothing", async () => {
    const before = await writeCounts();
    await expect(scheduleVisit(await f.actor(f.users.coordB.id), input(), NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(scheduleVisit(await f.actor(f.users.coordA.id), input({ subjectId: f.subjectB.id }), NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses sponsors and admins (read-only) and writes nothing", async () => {
    const before = await writeCounts();
    await expect(scheduleVisit(await f.actor(f.users.sponsor.id), input(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(scheduleVisit(await f.actor(f.users.admin.id), input(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await writeCounts();
    const fieldsOf = (over: Record<string, unknown>) =>
      scheduleVisit(coord, input(over), NOW).then(
        () => expect.fail("should refuse"),
        (e: unknown) => {
          expect(e).toBeInstanceOf(ValidationError);
          return (e as ValidationError).fieldErrors;
        },
      );
    expect(Object.keys(await fieldsOf({ scheduledAt: "2026-02-30T10:00" }))).toEqual(["scheduledAt"]);
    // 02:30 does not exist in New York on 8 March 2026 (clocks jump to 03:00).
    expect(Object.keys(await fieldsOf({ scheduledAt: "2026-03-08T02:30" }))).toEqual(["scheduledAt"]);
    expect(Object.keys(await fieldsOf({ scheduledAt: "2206-03-12T09:30" }))).toEqual(["scheduledAt"]);
    expect(Object.keys(await fieldsOf({ scheduledAt: "" }))).toEqual(["scheduledAt"]);
    expect(Object.keys(await fieldsOf({ visitType: "party" }))).toEqual(["visitType"]);
    expect(Object.keys(await fieldsOf({ subjectId: "nope" }))).toEqual(["subjectId"]);
    expect(Object.keys(await fieldsOf({ coordinatorId: f.users.coordB.id }))).toEqual(["coordinatorId"]);
    expect(Object.keys(await fieldsOf({ coordinatorId: f.users.sponsor.id }))).toEqual(["coordinatorId"]);
    expect(Object.keys(await fieldsOf({ location: "x".repeat(201) }))).toEqual(["location"]);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses a withdrawn subject", async () => {
    const db = await testDb();
    const [withdrawn] = await db
      .insert(subjects)
      .values({
        siteId: f.siteA.id,
        studyId: f.studyA.id,
        subjectId: "A-99",
        fullName: "Wanda Withdrawn",
        coordinatorId: f.users.coordA.id,
        status: "withdrawn",
        withdrawalReason: "Moved away",
        withdrawnAt: NOW,
      })
      .returning();
    const before = await writeCounts();
    await expect(scheduleVisit(await f.actor(f.users.coordA.id), input({ subjectId: withdrawn!.id }), NOW)).rejects.toMatchObject({
      fieldErrors: { subjectId: [expect.stringMatching(/withdrawn/)] },
    });
    expect(await writeCounts()).toEqual(before);
    expect(await db.select().from(visits).where(eq(visits.subjectId, withdrawn!.id))).toEqual([]);
  });

  it("checks the subject's own coordinator when none is chosen: a disabled one is refused, a chosen active one accepted", async () => {
    const db = await testDb();
    const gone = await makeUser("coord_gone", "coordinator", f.siteA.id, "disabled");
    const [orphan] = await db
      .insert(subjects)
      .values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: "A-98", fullName: "Otto Orphan", coordinatorId: gone.id })
      .returning();
    const coord = await f.actor(f.users.coordA.id);
    const before = await writeCounts();
    await expect(scheduleVisit(coord, input({ subjectId: orphan!.id }), NOW)).rejects.toMatchObject({
      fieldErrors: { coordinatorId: [expect.stringMatching(/active coordinator/)] },
    });
    expect(await writeCounts()).toEqual(before);
    const visit = await scheduleVisit(coord, input({ subjectId: orphan!.id, coordinatorId: f.users.coordA.id }), NOW);
    expect(visit.coordinatorId).toBe(f.users.coordA.id);
  });
});
