import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, subjects } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { aeCounts, consentBoth, seriousAeForm } from "@/tests/fixtures-aes";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { reportAdverseEvent } from "./report";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

const serious = () => seriousAeForm(f);

describe("reportAdverseEvent", () => {
  it("reports a serious AE: site and study from the subject, reporter = actor, awareAt in site time, audited", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const ae = await reportAdverseEvent(coord, serious());
    expect(ae).toMatchObject({
      siteId: f.siteA.id,
      studyId: f.studyA.id,
      subjectId: f.subjectA.id,
      eventTerm: "Pneumonia",
      severity: "severe",
      grade: 3,
      serious: true,
      seriousnessCriteria: ["hospitalization"],
      status: "open",
      outcome: null,
      endDate: null,
      reportedById: f.users.coordA.id,
      version: 1,
    });
    // 09:30 in New York in February (EST, UTC−5).
    expect(ae.awareAt.toISOString()).toBe("2024-02-02T14:30:00.000Z");
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entity, "adverse_event"), eq(auditEvents.entityId, ae.id)));
    expect(audit).toMatchObject({ action: "create", actorId: f.users.coordA.id, siteId: f.siteA.id });
    expect(audit!.changes).toMatchObject({ eventTerm: [null, "Pneumonia"], serious: [null, true] });
  });

  it("defaults awareAt to now and accepts a non-serious AE from an investigator", async () => {
    const inv = await f.actor(f.users.invA.id);
    const before = Date.now();
    const ae = await reportAdverseEvent(inv, {
      subjectId: f.subjectA.id,
      eventTerm: "Nausea",
      severity: "mild",
      grade: 1,
      serious: false,
      onsetDate: "2024-03-01",
      outcome: "recovered",
      endDate: "2024-03-02",
      status: "resolved",
    });
    expect(ae.awareAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(ae).toMatchObject({ serious: false, seriousnessCriteria: [], outcome: "recovered", endDate: "2024-03-02", status: "resolved", reportedById: f.users.invA.id });
  });

  it("holds onset to the consent date in site-local time", async () => {
    const db = await testDb();
    // 03:00 UTC on the 11th is still the 10th in New York.
    await db.update(subjects).set({ consentSignedAt: new Date("2024-01-11T03:00:00Z") }).where(eq(subjects.id, f.subjectA.id));
    const coord = await f.actor(f.users.coordA.id);
    const ok = await reportAdverseEvent(coord, { ...serious(), onsetDate: "2024-01-10", awareAt: "2024-01-10T23:00" });
    expect(ok.onsetDate).toBe("2024-01-10");
    await expect(reportAdverseEvent(coord, { ...serious(), onsetDate: "2024-01-09" })).rejects.toMatchObject({
      fieldErrors: { onsetDate: ["The onset date cannot be before consent (2024-01-10)."] },
    });
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await aeCounts();
    const refusals: [Record<string, unknown>, string][] = [
      [{ ...serious(), seriousnessCriteria: [] }, "seriousnessCriteria"],
      [{ ...serious(), serious: "", seriousnessCriteria: ["death"] }, "seriousnessCriteria"],
      [{ ...serious(), onsetDate: "2024-01-01" }, "onsetDate"],
      [{ ...serious(), onsetDate: "2999-01-01", awareAt: "" }, "onsetDate"],
      [{ ...serious(), grade: "7" }, "grade"],
      [{ ...serious(), grade: "" }, "grade"],
      [{ ...serious(), eventTerm: "  " }, "eventTerm"],
      [{ ...serious(), severity: "extreme" }, "severity"],
      [{ ...serious(), seriousnessCriteria: ["bored"] }, "seriousnessCriteria.0"],
      [{ ...serious(), awareAt: "2999-01-01T10:00" }, "awareAt"],
      [{ ...serious(), awareAt: "2024-01-31T10:00" }, "awareAt"],
      [{ ...serious(), awareAt: "yesterday" }, "awareAt"],
      [{ ...serious(), endDate: "2024-01-20" }, "endDate"],
      [{ ...serious(), outcome: "cured" }, "outcome"],
      [{ ...serious(), onsetDate: "2024-02-30" }, "onsetDate"],
      [{ ...serious(), reportedById: f.users.invA.id }, "form"],
      [{ ...serious(), subjectId: "nope" }, "subjectId"],
    ];
    for (const [input, field] of refusals) {
      const error = await reportAdverseEvent(coord, input).catch((e) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors), JSON.stringify(input)).toContain(field);
    }
    expect(await aeCounts()).toEqual(before);
  });

  it("refuses a subject without consent", async () => {
    const db = await testDb();
    const [bare] = await db
      .insert(subjects)
      .values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: "A-02", fullName: "No Consent", coordinatorId: f.users.coordA.id })
      .returning();
    const before = await aeCounts();
    await expect(reportAdverseEvent(await f.actor(f.users.coordA.id), { ...serious(), subjectId: bare!.id })).rejects.toMatchObject({
      fieldErrors: { subjectId: [expect.stringMatching(/no consent/)] },
    });
    expect(await aeCounts()).toEqual(before);
  });

  it("answers 'not found' for another site's subject and refuses sponsors and admins — nothing written", async () => {
    const before = await aeCounts();
    await expect(reportAdverseEvent(await f.actor(f.users.coordB.id), serious())).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      reportAdverseEvent(await f.actor(f.users.coordB.id), { ...serious(), subjectId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(reportAdverseEvent(await f.actor(f.users.sponsor.id), serious())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reportAdverseEvent(await f.actor(f.users.admin.id), serious())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await aeCounts()).toEqual(before);
  });
});
