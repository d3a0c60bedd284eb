import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { adverseEvents, auditEvents, eSignatures, type AdverseEvent } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { aeCounts, consentBoth, insertAe, signAe } from "@/tests/fixtures-aes";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { updateAdverseEvent } from "./update";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

const edit = (ae: AdverseEvent, changes: Record<string, unknown> = {}) => ({
  id: ae.id,
  version: ae.version,
  reason: "Corrected after source review",
  ...changes,
});

const history = async (id: string) => {
  const db = await testDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.entity, "adverse_event"), eq(auditEvents.entityId, id)));
};

describe("updateAdverseEvent", () => {
  it("changes the given fields with a reason, bumps the version, audits old → new", async () => {
    const ae = await insertAe(f);
    const coord = await f.actor(f.users.coordA.id);
    const after = await updateAdverseEvent(coord, edit(ae, { severity: "moderate", grade: "2" }));
    expect(after).toMatchObject({ severity: "moderate", grade: 2, eventTerm: "Headache", version: 2 });
    const [audit] = await history(ae.id);
    expect(audit).toMatchObject({ action: "update", reason: "Corrected after source review", actorId: f.users.coordA.id });
    expect(audit!.changes).toEqual({ severity: ["mild", "moderate"], grade: [1, 2] });
  });

  it("takes the whole edit form: the same minute of awareAt back is no change; serious needs criteria", async () => {
    const ae = await insertAe(f, { awareAt: new Date("2024-02-01T14:00:27Z") });
    const coord = await f.actor(f.users.coordA.id);
    const form = {
      eventTerm: "Headache",
      severity: "mild",
      grade: "1",
      onsetDate: "2024-02-01",
      awareAt: "2024-02-01T09:00", // New York
      outcome: "",
      endDate: "",
      status: "open",
    };
    const before = await aeCounts();
    await expect(updateAdverseEvent(coord, edit(ae, { ...form, serious: false, seriousnessCriteria: [] }))).rejects.toMatchObject({
      message: expect.stringMatching(/Nothing to save/),
    });
    await expect(updateAdverseEvent(coord, edit(ae, { ...form, serious: "on", seriousnessCriteria: [] }))).rejects.toMatchObject({
      fieldErrors: { seriousnessCriteria: [expect.stringMatching(/at least one/)] },
    });
    expect(await aeCounts()).toEqual(before);
    const after = await updateAdverseEvent(coord, edit(ae, { ...form, serious: "on", seriousnessCriteria: ["life_threatening", "death"] }));
    expect(after.seriousnessCriteria).toEqual(["death", "life_threatening"]);
    expect(after.awareAt.toISOString()).toBe("2024-02-01T14:00:27.000Z");
  });

  it("voids the live signature when an investigator changes signed content, in the same write", async () => {
    const ae = await insertAe(f);
    await signAe(ae, f.users.invA.id);
    const after = await updateAdverseEvent(await f.actor(f.users.invA.id), edit(ae, { status: "resolved", endDate: "2024-02-05", outcome: "recovered" }));
    expect(after).toMatchObject({ status: "resolved", endDate: "2024-02-05", outcome: "recovered", version: 2 });
    const db = await testDb();
    const sigs = await db.select().from(eSignatures).where(eq(eSignatures.entityId, ae.id));
    expect(sigs).toHaveLength(1);
    expect(sigs[0]).toMatchObject({ voidedById: f.users.invA.id, voidReason: "Signed content changed: endDate, outcome, status" });
    expect(sigs[0]!.voidedAt).toBeInstanceOf(Date);
  });

  it("lets a coordinator change a signed AE, which voids the signature (issue 4)", async () => {
    const ae = await insertAe(f);
    await signAe(ae, f.users.invA.id);
    const coord = await f.actor(f.users.coordA.id);
    expect((await updateAdverseEvent(coord, edit(ae, { severity: "severe" }))).severity).toBe("severe");
    const db = await testDb();
    const [sig] = await db.select().from(eSignatures).where(eq(eSignatures.entityId, ae.id));
    expect(sig).toMatchObject({ voidedById: f.users.coordA.id, voidReason: "Signed content changed: severity" });
  });

  it("keeps the signature when only unsigned content (awareness time) changes", async () => {
    const ae = await insertAe(f);
    await signAe(ae, f.users.invA.id);
    await updateAdverseEvent(await f.actor(f.users.invA.id), edit(ae, { awareAt: "2024-02-01T10:30" }));
    const db = await testDb();
    const [sig] = await db.select().from(eSignatures).where(eq(eSignatures.entityId, ae.id));
    expect(sig!.voidedAt).toBeNull();
  });

  it("answers 'not found' across sites and refuses sponsors and admins — nothing written", async () => {
    const ae = await insertAe(f);
    const before = await aeCounts();
    await expect(updateAdverseEvent(await f.actor(f.users.coordB.id), edit(ae, { severity: "severe" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAdverseEvent(await f.actor(f.users.invB.id), edit(ae, { severity: "severe" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAdverseEvent(await f.actor(f.users.sponsor.id), edit(ae, { severity: "severe" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateAdverseEvent(await f.actor(f.users.admin.id), edit(ae, { severity: "severe" }))).rejects.toBeInstanceOf(ForbiddenError);
    const b = await insertAe(f, { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id });
    // A role that may never edit an AE is refused as such, before its input or the record is read:
    // the answer says nothing about whether study B's AE exists.
    await expect(updateAdverseEvent(await f.actor(f.users.sponsor.id), edit(b, { severity: "severe" }))).rejects.toBeInstanceOf(ForbiddenError);
    const after = await aeCounts();
    expect(after.audits).toBe(before.audits);
    expect(after.versions).toBe(before.versions + 1);
  });

  it("gives the second editor a conflict with the newer values", async () => {
    const ae = await insertAe(f);
    const coord = await f.actor(f.users.coordA.id);
    const inv = await f.actor(f.users.invA.id);
    await updateAdverseEvent(inv, edit(ae, { eventTerm: "Migraine" }));
    const before = await aeCounts();
    const error = await updateAdverseEvent(coord, edit(ae, { severity: "severe" })).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<AdverseEvent>).current).toMatchObject({ eventTerm: "Migraine", severity: "mild", version: 2 });
    expect(await aeCounts()).toEqual(before);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const ae = await insertAe(f, { serious: true, seriousnessCriteria: ["hospitalization"] });
    const coord = await f.actor(f.users.coordA.id);
    const before = await aeCounts();
    const refusals: [Record<string, unknown>, string][] = [
      [edit(ae, { severity: "severe", reason: " " }), "reason"],
      [edit(ae, { severity: "severe", reason: undefined }), "reason"],
      [edit(ae, { serious: false }), "seriousnessCriteria"],
      [edit(ae, { seriousnessCriteria: [] }), "seriousnessCriteria"],
      [edit(ae, { grade: 7 }), "grade"],
      [edit(ae, { onsetDate: "2024-01-05" }), "onsetDate"],
      [edit(ae, { onsetDate: "2999-01-01" }), "onsetDate"],
      [edit(ae, { onsetDate: "2024-02-03" }), "awareAt"],
      [edit(ae, { awareAt: "2999-01-01T00:00" }), "awareAt"],
      [edit(ae, { endDate: "2024-01-30" }), "endDate"],
      [edit(ae, { status: "deleted" }), "status"],
      [edit(ae, { reportedById: f.users.invA.id }), "form"],
      [edit(ae, { subjectId: f.subjectB.id }), "form"],
      [edit(ae, { version: "x" }), "version"],
    ];
    for (const [input, field] of refusals) {
      const error = await updateAdverseEvent(coord, input).catch((e) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors), JSON.stringify(input)).toContain(field);
    }
    expect(await aeCounts()).toEqual(before);
    const db = await testDb();
    const [row] = await db.select().from(adverseEvents).where(eq(adverseEvents.id, ae.id));
    expect(row).toMatchObject({ version: 1, grade: 1, serious: true });
  });

  it("answers 'not found' for a retired AE", async () => {
    const ae = await insertAe(f, { retiredAt: new Date(), retireReason: "Duplicate" });
    await expect(updateAdverseEvent(await f.actor(f.users.coordA.id), edit(ae, { severity: "severe" }))).rejects.toBeInstanceOf(NotFoundError);
  });
});
