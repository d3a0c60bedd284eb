import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, visits } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { counts, reload } from "@/tests/fixtures-subjects";
import { makeVisit } from "@/tests/fixtures-visits";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { withdrawSubject } from "./withdraw";

const f = withTwoSites();

const day = 86_400_000;

describe("withdrawSubject", () => {
  it("withdraws with the reason and cancels only future scheduled visits, each audited", async () => {
    const future = await makeVisit(f, { scheduledAt: new Date(Date.now() + 5 * day) });
    const past = await makeVisit(f, { scheduledAt: new Date(Date.now() - 2 * day) });
    const done = await makeVisit(f, { scheduledAt: new Date(Date.now() + 6 * day), visitStatus: "completed" });
    const coord = await f.actor(f.users.coordA.id);
    const { subject, canceledVisits } = await withdrawSubject(coord, { id: f.subjectA.id, version: 1, reason: "Moved abroad" });
    expect(subject).toMatchObject({ status: "withdrawn", withdrawalReason: "Moved abroad", version: 2 });
    expect(subject.withdrawnAt).toBeInstanceOf(Date);
    expect(canceledVisits.map((v) => v.id)).toEqual([future.id]);
    const db = await testDb();
    const byId = async (id: string) => (await db.select().from(visits).where(eq(visits.id, id)))[0]!;
    expect(await byId(future.id)).toMatchObject({ visitStatus: "canceled", statusReason: "Subject withdrawn: Moved abroad", version: 2 });
    expect(await byId(past.id)).toMatchObject({ visitStatus: "scheduled", version: 1 });
    expect(await byId(done.id)).toMatchObject({ visitStatus: "completed", version: 1 });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.actorId, coord.id));
    expect(audit.map((a) => [a.entity, a.action, a.reason]).sort()).toEqual([
      ["subject", "withdraw", "Moved abroad"],
      ["visit", "cancel", "Moved abroad"],
    ]);
  });

  it("refuses a subject already withdrawn, a missing reason, a stale version — writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await counts();
    await expect(withdrawSubject(coord, { id: f.subjectA.id, version: 2, reason: "Again" })).rejects.toThrow(/withdrawn cannot be withdrawn/);
    const noReason = await withdrawSubject(coord, { id: f.subjectA.id, version: 2, reason: "" }).catch((e) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect(Object.keys(noReason.fieldErrors)).toEqual(["reason"]);
    const coordB = await f.actor(f.users.coordB.id);
    const stale = await withdrawSubject(coordB, { id: f.subjectB.id, version: 9, reason: "x" }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ status: "screening", version: 1 });
    expect(await counts()).toEqual(before);
  });

  it("answers 'not found' to another site and refuses sponsors and admins", async () => {
    const before = await counts();
    const input = { id: f.subjectB.id, version: 1, reason: "No" };
    await expect(withdrawSubject(await f.actor(f.users.coordA.id), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawSubject(await f.actor(f.users.admin.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withdrawSubject(await f.actor(f.users.sponsor.id), { ...input, id: f.subjectA.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    expect((await reload(f.subjectB.id)).status).toBe("screening");
  });
});
