import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, visits } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { makeVisit, writeCounts } from "@/tests/fixtures-visits";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { cancelVisit } from "./cancel";

const f = withTwoSites();

const upcoming = () => makeVisit(f, { scheduledAt: new Date("2026-03-12T13:30:00Z") });

describe("cancelVisit", () => {
  it("cancels with the reason on the visit and in the audit trail", async () => {
    const visit = await upcoming();
    const after = await cancelVisit(await f.actor(f.users.coordA.id), { id: visit.id, version: 1, reason: "Subject in hospital" });
    expect(after).toMatchObject({ visitStatus: "canceled", statusReason: "Subject in hospital", version: 2 });
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, visit.id), eq(auditEvents.action, "cancel")));
    expect(audit).toMatchObject({ reason: "Subject in hospital" });
    expect(audit!.changes).toMatchObject({ visitStatus: ["scheduled", "canceled"], statusReason: [null, "Subject in hospital"] });
  });

  it("answers 'not found' to another site and refuses read-only roles, writing nothing", async () => {
    const visit = await upcoming();
    const before = await writeCounts();
    const cancel = { id: visit.id, version: 1, reason: "x" };
    await expect(cancelVisit(await f.actor(f.users.coordB.id), cancel)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelVisit(await f.actor(f.users.sponsor.id), cancel)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelVisit(await f.actor(f.users.admin.id), cancel)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await writeCounts()).toEqual(before);
  });

  it("requires a reason, a current version and a scheduled visit, writing nothing otherwise", async () => {
    const visit = await upcoming();
    const coord = await f.actor(f.users.coordA.id);
    const before = await writeCounts();
    await expect(cancelVisit(coord, { id: visit.id, version: 1, reason: "" })).rejects.toMatchObject({ fieldErrors: { reason: ["Give a reason."] } });
    await expect(cancelVisit(coord, { id: visit.id, version: 1 })).rejects.toMatchObject({ fieldErrors: { reason: expect.any(Array) } });
    await expect(cancelVisit(coord, { id: visit.id, version: 5, reason: "x" })).rejects.toBeInstanceOf(ConflictError);
    expect(await writeCounts()).toEqual(before);
    await cancelVisit(coord, { id: visit.id, version: 1, reason: "Once" });
    const after = await writeCounts();
    await expect(cancelVisit(coord, { id: visit.id, version: 2, reason: "Twice" })).rejects.toThrow(/only a scheduled visit/);
    expect(await writeCounts()).toEqual(after);
    const db = await testDb();
    const [row] = await db.select().from(visits).where(eq(visits.id, visit.id));
    expect(row).toMatchObject({ statusReason: "Once", version: 2 });
  });
});
