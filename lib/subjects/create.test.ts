import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, subjects } from "@/db/schema";
import { testDb } from "@/tests/db";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { counts, setStudyStatus } from "@/tests/fixtures-subjects";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { createSubject } from "./create";

const f = withTwoSites();

const valid = () => ({
  subjectId: "A-02",
  fullName: "Carla Cruz",
  studyId: f.studyA.id,
  coordinatorId: f.users.coordA.id,
  dob: "1975-03-04",
  sexAtBirth: "female",
  consentSignedAt: "2024-03-10T10:30",
  screeningStatus: "",
});

describe("createSubject", () => {
  it("registers a subject at the actor's site, pending screening, consent read in site time, audited", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const created = await createSubject(coord, valid());
    expect(created).toMatchObject({
      subjectId: "A-02",
      fullName: "Carla Cruz",
      siteId: f.siteA.id,
      screeningStatus: "pending",
      status: "screening",
      dob: "1975-03-04",
      version: 1,
    });
    // 10:30 in New York on 10 March 2024 (EDT, the day clocks went forward) is 14:30 UTC.
    expect(created.consentSignedAt?.toISOString()).toBe("2024-03-10T14:30:00.000Z");
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.entity, "subject")));
    expect(audit).toMatchObject({ action: "create", actorId: coord.id, siteId: f.siteA.id });
    expect(audit!.changes).toMatchObject({ subjectId: [null, "A-02"], fullName: [null, "Carla Cruz"] });
  });

  it("lets an investigator register one without consent, and assign another staff member", async () => {
    const inv = await f.actor(f.users.invA.id);
    const created = await createSubject(inv, { ...valid(), subjectId: "A-03", consentSignedAt: "", screeningStatus: "rescreen" });
    expect(created).toMatchObject({ consentSignedAt: null, screeningStatus: "rescreen", coordinatorId: f.users.coordA.id });
  });

  it("refuses a Subject ID already used in the study, beside the field, writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await counts();
    const error = await createSubject(coord, { ...valid(), subjectId: "A-01" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({ subjectId: ["Subject ID already used in this study."] });
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input with a message per field, writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await counts();
    const empty = await createSubject(coord, { studyId: f.studyA.id }).catch((e) => e);
    expect(empty).toBeInstanceOf(ValidationError);
    expect(Object.keys(empty.fieldErrors).sort()).toEqual(["coordinatorId", "dob", "fullName", "sexAtBirth", "subjectId"]);

    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const dates = await createSubject(coord, { ...valid(), subjectId: "A-09", dob: future, consentSignedAt: `${future}T10:00` }).catch((e) => e);
    expect(dates.fieldErrors).toEqual({
      dob: ["The date of birth must be in the past."],
      consentSignedAt: ["Consent cannot be signed in the future."],
    });

    const badDate = await createSubject(coord, { ...valid(), dob: "1975-02-30" }).catch((e) => e);
    expect(badDate.fieldErrors).toHaveProperty("dob");

    const passedNoConsent = await createSubject(coord, { ...valid(), subjectId: "A-10", consentSignedAt: "", screeningStatus: "passed" }).catch((e) => e);
    expect(passedNoConsent.fieldErrors).toEqual({ screeningStatus: ["A subject without signed consent cannot pass screening."] });

    // A coordinator of another site, or a sponsor, cannot be the subject's coordinator.
    const foreignCoord = await createSubject(coord, { ...valid(), subjectId: "A-11", coordinatorId: f.users.coordB.id }).catch((e) => e);
    expect(foreignCoord.fieldErrors).toHaveProperty("coordinatorId");
    const disabled = await makeUser("gone_a", "coordinator", f.siteA.id, "disabled");
    const inactive = await createSubject(coord, { ...valid(), subjectId: "A-12", coordinatorId: disabled.id }).catch((e) => e);
    expect(inactive.fieldErrors).toHaveProperty("coordinatorId");

    const extra = await createSubject(coord, { ...valid(), siteId: f.siteB.id }).catch((e) => e);
    expect(extra).toBeInstanceOf(ValidationError);
    expect(await counts()).toEqual(before);
  });

  it("refuses a study that no longer takes subjects", async () => {
    const coord = await f.actor(f.users.coordA.id);
    await setStudyStatus(f.studyA.id, "completed");
    try {
      const error = await createSubject(coord, { ...valid(), subjectId: "A-20" }).catch((e) => e);
      expect(error.fieldErrors).toEqual({ studyId: ["This study no longer takes new subjects."] });
    } finally {
      await setStudyStatus(f.studyA.id, "recruiting");
    }
  });

  it("answers 'not found' for another site's study, and refuses sponsors and admins", async () => {
    const before = await counts();
    const coordB = await f.actor(f.users.coordB.id);
    await expect(createSubject(coordB, { ...valid(), coordinatorId: f.users.coordB.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createSubject(await f.actor(f.users.sponsor.id), valid())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSubject(await f.actor(f.users.admin.id), valid())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    const db = await testDb();
    expect(await db.select().from(subjects).where(eq(subjects.siteId, f.siteB.id))).toHaveLength(1);
  });
});
