import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, screenings, subjects } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { addScreening, addSubject, writeCounts } from "@/tests/fixtures-screening";
import { addDaysIso, siteToday } from "../dates";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { recordScreening } from "./record";

const f = withTwoSites();

const subjectRow = async (id: string) => {
  const db = await testDb();
  const [row] = await db.select().from(subjects).where(eq(subjects.id, id));
  return row!;
};

/** Expects `write` to reject with `type` and the database to be exactly as before. */
async function refusedWithoutWrites<E>(write: () => Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const before = await writeCounts();
  const error = await write().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  expect(await writeCounts()).toEqual(before);
  return error as E;
}

describe("recordScreening", () => {
  it("records a pass with the site's today and the recorder as defaults; the subject follows in the same write, audited twice", async () => {
    const subject = await addSubject(f, "A");
    const coord = await f.actor(f.users.coordA.id);
    const { screening, subject: after } = await recordScreening(coord, {
      subjectId: subject.id,
      subjectVersion: subject.version,
      screeningStatus: "passed",
      notes: "All criteria met.",
    });
    expect(screening).toMatchObject({
      siteId: f.siteA.id,
      studyId: f.studyA.id,
      subjectId: subject.id,
      screeningStatus: "passed",
      screeningDate: siteToday("America/New_York"),
      completedById: coord.id,
      notes: "All criteria met.",
      failReason: null,
    });
    expect(after).toMatchObject({ screeningStatus: "passed", status: "screening", version: subject.version + 1 });
    expect(await subjectRow(subject.id)).toMatchObject({ screeningStatus: "passed", version: 2 });

    const db = await testDb();
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.actorId, coord.id));
    const forScreening = audits.find((a) => a.entityId === screening.id);
    const forSubject = audits.find((a) => a.entityId === subject.id);
    expect(forScreening).toMatchObject({ entity: "screening", action: "create", siteId: f.siteA.id });
    expect(forScreening!.changes).toMatchObject({ screeningStatus: [null, "passed"] });
    expect(forSubject).toMatchObject({ entity: "subject", action: "screening" });
    expect(forSubject!.changes).toMatchObject({ screeningStatus: ["pending", "passed"] });
  });

  it("makes a failure a screen failure (with its reason), and a rescreen reopens it", async () => {
    const subject = await addSubject(f, "A");
    const inv = await f.actor(f.users.invA.id);
    const failed = await recordScreening(inv, {
      subjectId: subject.id,
      subjectVersion: 1,
      screeningStatus: "failed",
      screeningDate: "2025-02-01",
      failReason: "HbA1c above range",
      completedById: f.users.coordA.id,
    });
    expect(failed.screening).toMatchObject({ failReason: "HbA1c above range", completedById: f.users.coordA.id, screeningDate: "2025-02-01" });
    expect(failed.subject).toMatchObject({ screeningStatus: "failed", status: "screen_failed" });
    const rescreen = await recordScreening(inv, { subjectId: subject.id, subjectVersion: 2, screeningStatus: "rescreen", failReason: "ignored" });
    expect(rescreen.screening.failReason).toBeNull();
    expect(rescreen.subject).toMatchObject({ screeningStatus: "rescreen", status: "screening", version: 3 });
  });

  it("answers 'not found' for another site's subject and an unknown one, writing nothing", async () => {
    const coordB = await f.actor(f.users.coordB.id);
    const subject = await addSubject(f, "A");
    const input = { subjectId: subject.id, subjectVersion: 1, screeningStatus: "pending" };
    await refusedWithoutWrites(() => recordScreening(coordB, input), NotFoundError);
    await refusedWithoutWrites(() => recordScreening(coordB, { ...input, subjectId: "00000000-0000-4000-8000-000000000000" }), NotFoundError);
    expect(await subjectRow(subject.id)).toMatchObject({ screeningStatus: "pending", version: 1 });
  });

  it("refuses sponsors and admins (read-only for clinical records), writing nothing", async () => {
    const subject = await addSubject(f, "A");
    const input = { subjectId: subject.id, subjectVersion: 1, screeningStatus: "passed" };
    await refusedWithoutWrites(async () => recordScreening(await f.actor(f.users.sponsor.id), input), ForbiddenError);
    await refusedWithoutWrites(async () => recordScreening(await f.actor(f.users.admin.id), input), ForbiddenError);
  });

  it("refuses a stale subject version with the newer values, writing nothing", async () => {
    const subject = await addSubject(f, "A");
    const coord = await f.actor(f.users.coordA.id);
    await recordScreening(coord, { subjectId: subject.id, subjectVersion: 1, screeningStatus: "rescreen" });
    const error = await refusedWithoutWrites(
      () => recordScreening(coord, { subjectId: subject.id, subjectVersion: 1, screeningStatus: "passed" }),
      ConflictError,
    );
    expect(error.current).toMatchObject({ subjectId: subject.subjectId, screeningStatus: "rescreen", version: 2 });
  });

  it("refuses bad input with field errors keyed by the form's names, writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const subject = await addSubject(f, "A");
    const noConsent = await addSubject(f, "A", { consentSignedAt: null });
    const base = { subjectId: subject.id, subjectVersion: 1 };
    const fields = async (input: unknown) =>
      Object.keys((await refusedWithoutWrites(() => recordScreening(coord, input), ValidationError)).fieldErrors);

    expect(await fields({ ...base, screeningStatus: "failed" })).toEqual(["failReason"]);
    expect(await fields({ ...base, screeningStatus: "eligible" })).toEqual(["screeningStatus"]);
    expect(await fields({ ...base, screeningStatus: "pending", screeningDate: "2025-02-30" })).toEqual(["screeningDate"]);
    expect(await fields({ subjectId: "not-a-uuid", subjectVersion: "x", screeningStatus: "pending" })).toEqual(["subjectId", "subjectVersion"]);
    const tomorrow = addDaysIso(siteToday("America/New_York"), 1);
    expect(await fields({ ...base, screeningStatus: "pending", screeningDate: tomorrow })).toEqual(["screeningDate"]);
    // No consent: cannot pass (but may still be recorded as pending).
    expect(await fields({ subjectId: noConsent.id, subjectVersion: 1, screeningStatus: "passed" })).toEqual(["screeningStatus"]);
    // Passing before the day consent was signed (site-local).
    expect(await fields({ ...base, screeningStatus: "passed", screeningDate: "2025-01-09" })).toEqual(["screeningDate"]);
    // Completed by someone who is not staff of the subject's site.
    expect(await fields({ ...base, screeningStatus: "pending", completedById: f.users.coordB.id })).toEqual(["completedById"]);
    expect(await fields({ ...base, screeningStatus: "pending", completedById: f.users.sponsor.id })).toEqual(["completedById"]);
    expect(await subjectRow(subject.id)).toMatchObject({ screeningStatus: "pending", version: 1 });
    expect(await subjectRow(noConsent.id)).toMatchObject({ screeningStatus: "pending", version: 1 });
  });

  it("keeps the new screening the latest, and closes screening once a subject is enrolled", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const subject = await addSubject(f, "A");
    await addScreening(subject, coord.id, { screeningDate: "2025-03-01", screeningStatus: "rescreen" });
    await expect(
      recordScreening(coord, { subjectId: subject.id, subjectVersion: 1, screeningStatus: "pending", screeningDate: "2025-02-20" }),
    ).rejects.toMatchObject({ fieldErrors: { screeningDate: [expect.stringMatching(/already recorded/)] } });
    const enrolled = await addSubject(f, "A", { screeningStatus: "passed", status: "enrolled" });
    const error = await refusedWithoutWrites(
      () => recordScreening(coord, { subjectId: enrolled.id, subjectVersion: 1, screeningStatus: "rescreen" }),
      ValidationError,
    );
    expect(error.fieldErrors.screeningStatus).toBeDefined();
    const db = await testDb();
    expect(await db.select().from(screenings).where(and(eq(screenings.subjectId, subject.id)))).toHaveLength(1);
  });
});
