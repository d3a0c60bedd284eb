import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { makeVisit, writeCounts } from "@/tests/fixtures-visits";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { completeVisit } from "./complete";

withTestDb();

const NOW = new Date("2026-03-10T15:00:00Z");
let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
});

const today = () => makeVisit(f, { scheduledAt: new Date("2026-03-10T13:00:00Z") });

describe("completeVisit", () => {
  it("completes now by default, audited", async () => {
    const visit = await today();
    const coord = await f.actor(f.users.coordA.id);
    const after = await completeVisit(coord, { id: visit.id, version: 1, completedAt: "" }, NOW);
    expect(after).toMatchObject({ visitStatus: "completed", version: 2 });
    expect(after.completedAt?.toISOString()).toBe(NOW.toISOString());
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, visit.id), eq(auditEvents.action, "complete")));
    expect(audit!.changes).toMatchObject({ visitStatus: ["scheduled", "completed"], completedAt: [null, NOW.toISOString()] });
  });

  it("takes a site-local completion time", async () => {
    const visit = await today();
    const after = await completeVisit(await f.actor(f.users.invA.id), { id: visit.id, version: 1, completedAt: "2026-03-10T09:45" }, NOW);
    expect(after.completedAt?.toISOString()).toBe("2026-03-10T13:45:00.000Z");
  });

  it("answers 'not found' to another site and refuses read-only roles, writing nothing", async () => {
    const visit = await today();
    const before = await writeCounts();
    const done = { id: visit.id, version: 1 };
    await expect(completeVisit(await f.actor(f.users.coordB.id), done, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(completeVisit(await f.actor(f.users.sponsor.id), done, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(completeVisit(await f.actor(f.users.admin.id), done, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses a stale version, a future or impossible time, and an already completed visit", async () => {
    const visit = await today();
    const coord = await f.actor(f.users.coordA.id);
    const before = await writeCounts();
    await expect(completeVisit(coord, { id: visit.id, version: 3 }, NOW)).rejects.toBeInstanceOf(ConflictError);
    await expect(completeVisit(coord, { id: visit.id, version: 1, completedAt: "2026-03-10T18:00" }, NOW)).rejects.toMatchObject({
      fieldErrors: { completedAt: [expect.stringMatching(/future/)] },
    });
    await expect(completeVisit(coord, { id: visit.id, version: 1, completedAt: "2026-13-01T10:00" }, NOW)).rejects.toMatchObject({
      fieldErrors: { completedAt: expect.any(Array) },
    });
    await expect(completeVisit(coord, { id: visit.id, version: 1, extra: "x" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    expect(await writeCounts()).toEqual(before);
    await completeVisit(coord, { id: visit.id, version: 1 }, NOW);
    const after = await writeCounts();
    await expect(completeVisit(coord, { id: visit.id, version: 2 }, NOW)).rejects.toThrow(/only a scheduled visit/);
    expect(await writeCounts()).toEqual(after);
  });
});
