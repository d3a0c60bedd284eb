import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, subjectNotes } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { reload } from "@/tests/fixtures-subjects";
import { makeVisit } from "@/tests/fixtures-visits";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { retireRecord } from "./retire";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

async function noteBy(authorId: string) {
  const db = await testDb();
  const [note] = await db
    .insert(subjectNotes)
    .values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: f.subjectA.id, authorId, noteType: "call", noteText: "Called" })
    .returning();
  return note!;
}

describe("retiring a record entered in error", () => {
  it("keeps every kind of record, with who, when and why, audited", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const visit = await makeVisit(f, { scheduledAt: new Date(Date.now() + 86_400_000) });
    const ae = await insertAe(f);
    const note = await noteBy(coord.id);
    const subject = await addSubject(f, "A");
    const db = await testDb();
    for (const [entity, row] of [["visit", visit], ["adverse_event", ae], ["subject_note", note], ["subject", subject]] as const) {
      const retired = await retireRecord(coord, entity, { id: row.id, version: row.version, reason: "Entered on the wrong subject" });
      expect(retired).toMatchObject({ id: row.id, retireReason: "Entered on the wrong subject", retiredById: coord.id, version: row.version + 1 });
      expect(retired.retiredAt).toBeInstanceOf(Date);
      const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
      expect(audit).toMatchObject({ entity, action: "retire", reason: "Entered on the wrong subject", actorId: coord.id });
      // Once retired it is out of reach of writes: a second retire finds nothing.
      await expect(retireRecord(coord, entity, { id: row.id, version: row.version + 1, reason: "again" })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("gives the subject back the status of its latest remaining screening", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const subject = await addSubject(f, "A", { screeningStatus: "failed", status: "screen_failed" });
    await addScreening(subject, coord.id, { screeningStatus: "passed", screeningDate: "2025-02-01" });
    const wrong = await addScreening(subject, coord.id, { screeningStatus: "failed", screeningDate: "2025-03-01", failReason: "Typo" });
    await retireRecord(coord, "screening", { id: wrong.id, version: 1, reason: "Belongs to another subject" });
    expect(await reload(subject.id)).toMatchObject({ screeningStatus: "passed", status: "screening" });
  });

  it("lets only a note's author retire it; refuses sponsors, admins, foreign sites, stale versions and a missing reason", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const inv = await f.actor(f.users.invA.id);
    const note = await noteBy(coord.id);
    await expect(retireRecord(inv, "subject_note", { id: note.id, version: 1, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retireRecord(await f.actor(f.users.sponsor.id), "visit", {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retireRecord(await f.actor(f.users.admin.id), "subject", {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retireRecord(await f.actor(f.users.coordB.id), "subject", { id: f.subjectA.id, version: 1, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(retireRecord(coord, "subject_note", { id: note.id, version: 5, reason: "x" })).rejects.toBeInstanceOf(ConflictError);
    const noReason = await retireRecord(coord, "subject_note", { id: note.id, version: 1, reason: " " }).catch((e) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect(Object.keys(noReason.fieldErrors)).toEqual(["reason"]);
    expect((await retireRecord(coord, "subject_note", { id: note.id, version: 1, reason: "Duplicate" })).retireReason).toBe("Duplicate");
  });
});
