import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, visits } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { makeVisit, writeCounts } from "@/tests/fixtures-visits";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { rescheduleVisit } from "./reschedule";

withTestDb();

const NOW = new Date("2026-03-10T15:00:00Z");
let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
});

const future = () => makeVisit(f, { scheduledAt: new Date("2026-03-12T13:30:00Z") });

describe("rescheduleVisit", () => {
  it("moves the visit to the new site-local time, with the reason and the old time in the audit trail", async () => {
    const visit = await future();
    const coord = await f.actor(f.users.coordA.id);
    const after = await rescheduleVisit(coord, { id: visit.id, version: 1, scheduledAt: "2026-03-13T16:15", reason: "Subject asked" }, NOW);
    expect(after).toMatchObject({ version: 2, visitStatus: "scheduled" });
    expect(after.scheduledAt.toISOString()).toBe("2026-03-13T20:15:00.000Z");
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, visit.id), eq(auditEvents.action, "reschedule")));
    expect(audit).toMatchObject({ entity: "visit", reason: "Subject asked", actorId: coord.id });
    expect(audit!.changes).toEqual({ scheduledAt: ["2026-03-12T13:30:00.000Z", "2026-03-13T20:15:00.000Z"] });
  });

  it("answers 'not found' to another site and refuses read-only roles, writing nothing", async () => {
    const visit = await future();
    const before = await writeCounts();
    const move = { id: visit.id, version: 1, scheduledAt: "2026-03-13T10:00", reason: "x" };
    await expect(rescheduleVisit(await f.actor(f.users.coordB.id), move, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rescheduleVisit(await f.actor(f.users.sponsor.id), move, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rescheduleVisit(await f.actor(f.users.admin.id), move, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rescheduleVisit(await f.actor(f.users.coordA.id), { ...move, id: "00000000-0000-4000-8000-000000000000" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses a stale version with the newer visit, writing nothing", async () => {
    const visit = await future();
    const coord = await f.actor(f.users.coordA.id);
    await rescheduleVisit(coord, { id: visit.id, version: 1, scheduledAt: "2026-03-14T10:00", reason: "First" }, NOW);
    const before = await writeCounts();
    const error = await rescheduleVisit(coord, { id: visit.id, version: 1, scheduledAt: "2026-03-15T10:00", reason: "Second" }, NOW).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ version: number; scheduledAt: Date }>).current).toMatchObject({ version: 2 });
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses bad input (no reason, impossible or unchanged time) and a visit that is no longer scheduled", async () => {
    const visit = await future();
    const done = await makeVisit(f, { scheduledAt: new Date("2026-03-09T13:30:00Z"), visitStatus: "completed", completedAt: new Date("2026-03-09T14:30:00Z") });
    const coord = await f.actor(f.users.coordA.id);
    const before = await writeCounts();
    const base = { id: visit.id, version: 1, scheduledAt: "2026-03-13T10:00", reason: "Because" };
    await expect(rescheduleVisit(coord, { ...base, reason: "  " }, NOW)).rejects.toMatchObject({ fieldErrors: { reason: expect.any(Array) } });
    await expect(rescheduleVisit(coord, { ...base, scheduledAt: "2026-04-31T10:00" }, NOW)).rejects.toMatchObject({ fieldErrors: { scheduledAt: expect.any(Array) } });
    await expect(rescheduleVisit(coord, { ...base, scheduledAt: "2026-03-12T09:30" }, NOW)).rejects.toMatchObject({
      fieldErrors: { scheduledAt: [expect.stringMatching(/already scheduled/)] },
    });
    await expect(rescheduleVisit(coord, { ...base, version: "abc" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(rescheduleVisit(coord, { ...base, id: done.id }, NOW)).rejects.toThrow(/only a scheduled visit/);
    expect(await writeCounts()).toEqual(before);
    const db = await testDb();
    const [row] = await db.select().from(visits).where(eq(visits.id, visit.id));
    expect(row).toMatchObject({ version: 1 });
  });
});
