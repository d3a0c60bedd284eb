import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { makeVisit, writeCounts } from "@/tests/fixtures-visits";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { missVisit } from "./miss";

withTestDb();

const NOW = new Date("2026-03-10T15:00:00Z");
let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
});

const past = () => makeVisit(f, { scheduledAt: new Date("2026-03-09T13:00:00Z") });

describe("missVisit", () => {
  it("marks a past visit missed, with or without a reason, audited", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const a = await past();
    expect(await missVisit(coord, { id: a.id, version: 1, reason: "" }, NOW)).toMatchObject({ visitStatus: "missed", statusReason: null, version: 2 });
    const b = await past();
    expect(await missVisit(coord, { id: b.id, version: 1, reason: "No show" }, NOW)).toMatchObject({ visitStatus: "missed", statusReason: "No show" });
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, b.id), eq(auditEvents.action, "miss")));
    expect(audit).toMatchObject({ reason: "No show" });
    expect(audit!.changes).toMatchObject({ visitStatus: ["scheduled", "missed"] });
  });

  it("answers 'not found' to another site and refuses read-only roles, writing nothing", async () => {
    const visit = await past();
    const before = await writeCounts();
    const miss = { id: visit.id, version: 1 };
    await expect(missVisit(await f.actor(f.users.coordB.id), miss, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(missVisit(await f.actor(f.users.sponsor.id), miss, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(missVisit(await f.actor(f.users.admin.id), miss, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses a stale version, a visit still ahead, a canceled visit and bad input", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const visit = await past();
    const ahead = await makeVisit(f, { scheduledAt: new Date("2026-03-11T13:00:00Z") });
    const canceled = await makeVisit(f, { scheduledAt: new Date("2026-03-09T13:00:00Z"), visitStatus: "canceled", statusReason: "Clinic closed" });
    const before = await writeCounts();
    await expect(missVisit(coord, { id: visit.id, version: 2 }, NOW)).rejects.toBeInstanceOf(ConflictError);
    await expect(missVisit(coord, { id: ahead.id, version: 1 }, NOW)).rejects.toThrow(/still ahead/);
    await expect(missVisit(coord, { id: canceled.id, version: 1 }, NOW)).rejects.toThrow(/only a scheduled visit/);
    await expect(missVisit(coord, { id: visit.id, version: 1, reason: "x".repeat(1001) }, NOW)).rejects.toMatchObject({
      fieldErrors: { reason: expect.any(Array) },
    });
    await expect(missVisit(coord, { id: "not-a-uuid", version: 1 }, NOW)).rejects.toBeInstanceOf(ValidationError);
    expect(await writeCounts()).toEqual(before);
  });
});
