import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, screenings, subjects } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { addScreening, addSubject, writeCounts } from "@/tests/fixtures-screening";
import { addDaysIso, siteToday } from "../dates";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { updateScreening } from "./update";

const f = withTwoSites();

const rowOf = async <T,>(table: typeof subjects | typeof screenings, id: string): Promise<T> => {
  const db = await testDb();
  const [row] = await db.select().from(table).where(eq(table.id, id));
  return row as T;
};

async function refusedWithoutWrites<E>(write: () => Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const before = await writeCounts();
  const error = await write().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  expect(await writeCounts()).toEqual(before);
  return error as E;
}

/** A subject in screening whose latest (and only) screening is pending, subject in step. */
async function screened() {
  const subject = await addSubject(f, "A");
  const screening = await addScreening(subject, f.users.coordA.id, { screeningDate: "2025-01-12", notes: "Labs sent" });
  return { subject, screening };
}

describe("updateScreening", () => {
  it("corrects a screening with a reason, audited; the subject follows its latest screening", async () => {
    const { subject, screening } = await screened();
    const inv = await f.actor(f.users.invA.id);
    const { screening: after, subject: subjectAfter } = await updateScreening(inv, {
      id: screening.id,
      version: 1,
      screeningStatus: "failed",
      screeningDate: "2025-01-13",
      failReason: "Exclusion criterion 4",
      notes: "Labs back",
      reason: "Entered on the wrong day",
    });
    expect(after).toMatchObject({ screeningStatus: "failed", screeningDate: "2025-01-13", failReason: "Exclusion criterion 4", notes: "Labs back", version: 2 });
    expect(subjectAfter).toMatchObject({ screeningStatus: "failed", status: "screen_failed", version: 2 });
    const db = await testDb();
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.reason, "Entered on the wrong day"));
    expect(audits.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(["screening:update", "subject:screening"]);
    expect(audits.find((a) => a.entity === "screening")!.changes).toMatchObject({ screeningDate: ["2025-01-12", "2025-01-13"] });
    expect(await rowOf(subjects, subject.id)).toMatchObject({ status: "screen_failed" });
  });

  it("leaves the subject alone when an older screening is corrected", async () => {
    const { subject, screening } = await screened();
    await addScreening(subject, f.users.coordA.id, { screeningDate: "2025-01-20", screeningStatus: "pending" });
    const coord = await f.actor(f.users.coordA.id);
    const result = await updateScreening(coord, { id: screening.id, version: 1, screeningStatus: "rescreen", screeningDate: "2025-01-12", reason: "Typo" });
    expect(result.subject).toMatchObject({ screeningStatus: "pending", version: 1 });
  });

  it("answers 'not found' for another site's screening, writing nothing", async () => {
    const { screening } = await screened();
    const coordB = await f.actor(f.users.coordB.id);
    await refusedWithoutWrites(
      () => updateScreening(coordB, { id: screening.id, version: 1, screeningStatus: "pending", screeningDate: "2025-01-12", reason: "x" }),
      NotFoundError,
    );
  });

  it("refuses sponsors and admins, writing nothing", async () => {
    const { screening } = await screened();
    const input = { id: screening.id, version: 1, screeningStatus: "pending", screeningDate: "2025-01-12", reason: "x" };
    await refusedWithoutWrites(async () => updateScreening(await f.actor(f.users.sponsor.id), input), ForbiddenError);
    await refusedWithoutWrites(async () => updateScreening(await f.actor(f.users.admin.id), input), ForbiddenError);
  });

  it("refuses a stale version with the newer values, writing nothing", async () => {
    const { screening } = await screened();
    const coord = await f.actor(f.users.coordA.id);
    await updateScreening(coord, { id: screening.id, version: 1, screeningStatus: "pending", screeningDate: "2025-01-12", notes: "First fix", reason: "x" });
    const error = await refusedWithoutWrites(
      () => updateScreening(coord, { id: screening.id, version: 1, screeningStatus: "pending", screeningDate: "2025-01-12", notes: "Second fix", reason: "y" }),
      ConflictError,
    );
    expect(error.current).toMatchObject({ notes: "First fix", version: 2 });
  });

  it("refuses bad input (no reason, failed without a reason, a future date, a pass without consent), writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const { screening } = await screened();
    const noConsent = await addSubject(f, "A", { consentSignedAt: null });
    const unconsented = await addScreening(noConsent, coord.id);
    const base = { id: screening.id, version: 1, screeningStatus: "pending", screeningDate: "2025-01-12", reason: "fix" };
    const fields = async (input: unknown) =>
      Object.keys((await refusedWithoutWrites(() => updateScreening(coord, input), ValidationError)).fieldErrors);
    expect(await fields({ ...base, reason: " " })).toEqual(["reason"]);
    expect(await fields({ ...base, screeningStatus: "failed" })).toEqual(["failReason"]);
    expect(await fields({ ...base, screeningDate: addDaysIso(siteToday("America/New_York"), 2) })).toEqual(["screeningDate"]);
    expect(await fields({ ...base, id: unconsented.id, screeningStatus: "passed" })).toEqual(["screeningStatus"]);
    expect(await fields({ ...base, completedById: f.users.invB.id })).toEqual(["completedById"]);
    expect(await rowOf(screenings, screening.id)).toMatchObject({ version: 1, notes: "Labs sent" });
  });

  it("will not change the outcome of an enrolled subject's screening, but corrects its notes", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const subject = await addSubject(f, "A", { screeningStatus: "passed", status: "enrolled" });
    const screening = await addScreening(subject, coord.id, { screeningStatus: "passed" });
    const base = { id: screening.id, version: 1, screeningStatus: "passed", screeningDate: "2025-01-12", reason: "fix" };
    await refusedWithoutWrites(() => updateScreening(coord, { ...base, screeningStatus: "rescreen" }), ValidationError);
    const { subject: after } = await updateScreening(coord, { ...base, notes: "Eligibility checklist v2" });
    expect(after).toMatchObject({ status: "enrolled", screeningStatus: "passed", version: 1 });
    const db = await testDb();
    expect(await db.select().from(screenings).where(and(eq(screenings.id, screening.id), eq(screenings.notes, "Eligibility checklist v2")))).toHaveLength(1);
  });
});
