/**
 * A study that an admin sets to suspended, completed, terminated or withdrawn takes no new
 * subjects and no enrollments (lib/subjects/rules.ts studyIsOpen, used by create and enroll).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { studies } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { counts, passScreening, reload } from "@/tests/fixtures-subjects";
import { ValidationError } from "../errors";
import { createSubject } from "../subjects/create";
import { enrollSubject } from "../subjects/enroll";
import { updateStudy } from "./studies";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await passScreening(f.subjectA);
});

async function setStatus(status: string) {
  const db = await getDb();
  const [study] = await db.select().from(studies).where(eq(studies.id, f.studyA.id));
  const admin = await f.actor(f.users.admin.id);
  await updateStudy(admin, {
    id: study!.id,
    version: study!.version,
    protocolId: study!.protocolId,
    title: study!.title,
    status,
    principalInvestigatorId: study!.principalInvestigatorId,
    siteId: study!.siteId,
  });
}

const newSubject = (subjectId: string) => ({
  subjectId,
  fullName: "Dana Doe",
  studyId: f.studyA.id,
  coordinatorId: f.users.coordA.id,
  dob: "1975-03-04",
  sexAtBirth: "female",
  consentSignedAt: "",
  screeningStatus: "",
});

describe("closed studies take no new subjects or enrollments", () => {
  for (const status of ["suspended", "completed", "terminated", "withdrawn"]) {
    it(`refuses both once the study is ${status}, writing nothing`, async () => {
      await setStatus(status);
      const coord = await f.actor(f.users.coordA.id);
      const before = await counts();
      const subject = await reload(f.subjectA.id);
      const enroll = await enrollSubject(coord, { id: subject.id, version: subject.version }).catch((e) => e);
      expect(enroll).toBeInstanceOf(ValidationError);
      expect(enroll.message).toMatch(new RegExp(status));
      const create = await createSubject(coord, newSubject(`A-${status}`)).catch((e) => e);
      expect(create).toBeInstanceOf(ValidationError);
      expect(create.fieldErrors).toEqual({ studyId: ["This study no longer takes new subjects."] });
      expect(await counts()).toEqual(before);
      expect((await reload(f.subjectA.id)).status).toBe("screening");
    });
  }

  it("accepts them again once recruiting", async () => {
    await setStatus("recruiting");
    const coord = await f.actor(f.users.coordA.id);
    expect(await createSubject(coord, newSubject("A-open"))).toMatchObject({ subjectId: "A-open" });
    const subject = await reload(f.subjectA.id);
    expect(await enrollSubject(coord, { id: subject.id, version: subject.version })).toMatchObject({ subject: { status: "enrolled" } });
  });
});
