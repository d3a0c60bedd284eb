import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { counts, passScreening, reload } from "@/tests/fixtures-subjects";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { updateSubject } from "./update";

const f = withTwoSites();

const edit = async (changes: Record<string, unknown> = {}) => {
  const s = await reload(f.subjectA.id);
  return {
    id: s.id,
    version: s.version,
    subjectId: s.subjectId,
    fullName: s.fullName,
    coordinatorId: s.coordinatorId,
    dob: s.dob,
    sexAtBirth: s.sexAtBirth ?? "unknown",
    consentSignedAt: s.consentSignedAt ? s.consentSignedAt.toISOString() : "",
    reason: "Corrected from the source document",
    ...changes,
  };
};

describe("updateSubject", () => {
  it("saves the change with its reason; the audit keeps old → new", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const after = await updateSubject(coord, await edit({ fullName: "Alice Anderson", coordinatorId: f.users.invA.id }));
    expect(after).toMatchObject({ fullName: "Alice Anderson", coordinatorId: f.users.invA.id, version: 2 });
    const db = await testDb();
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, f.subjectA.id), eq(auditEvents.action, "update")));
    expect(audit).toMatchObject({ reason: "Corrected from the source document", actorId: coord.id });
    expect(audit!.changes).toEqual({
      fullName: ["Alice Anders", "Alice Anderson"],
      coordinatorId: [f.users.coordA.id, f.users.invA.id],
      sexAtBirth: [null, "unknown"],
    });
  });

  it("gives the second editor a conflict carrying the newer values, and writes nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const inv = await f.actor(f.users.invA.id);
    const stale = await edit({ fullName: "Second Editor" });
    await updateSubject(inv, await edit({ sexAtBirth: "female" }));
    const before = await counts();
    const error = await updateSubject(coord, stale).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toMatchObject({ sexAtBirth: "female", fullName: "Alice Anderson", version: stale.version + 1 });
    expect(await counts()).toEqual(before);
    expect((await reload(f.subjectA.id)).fullName).toBe("Alice Anderson");
  });

  it("requires a reason, valid dates, a change — and writes nothing otherwise", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await counts();
    const noReason = await updateSubject(coord, await edit({ fullName: "X", reason: " " })).catch((e) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect(Object.keys(noReason.fieldErrors)).toEqual(["reason"]);
    const future = await updateSubject(coord, await edit({ dob: "2999-01-01" })).catch((e) => e);
    expect(Object.keys(future.fieldErrors)).toEqual(["dob"]);
    const same = await updateSubject(coord, await edit()).catch((e) => e);
    expect(same).toBeInstanceOf(ValidationError);
    expect(same.message).toMatch(/Nothing changed/);
    const study = await updateSubject(coord, { ...(await edit()), studyId: f.studyB.id }).catch((e) => e);
    expect(study).toBeInstanceOf(ValidationError);
    expect(await counts()).toEqual(before);
    expect((await reload(f.subjectA.id)).version).toBe((await edit()).version);
  });

  it("keeps the consent date of a subject who passed screening", async () => {
    const coord = await f.actor(f.users.coordA.id);
    await passScreening(await reload(f.subjectA.id));
    const error = await updateSubject(coord, await edit({ consentSignedAt: "" })).catch((e) => e);
    expect(error.fieldErrors).toHaveProperty("consentSignedAt");
  });

  it("refuses a Subject ID already used in the study", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const db = await testDb();
    const { subjects } = await import("@/db/schema");
    await db.insert(subjects).values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: "A-77", fullName: "Other", coordinatorId: f.users.coordA.id });
    const error = await updateSubject(coord, await edit({ subjectId: "A-77" })).catch((e) => e);
    expect(error.fieldErrors).toEqual({ subjectId: ["Subject ID already used in this study."] });
  });

  it("answers 'not found' to another site, and refuses sponsors and admins, writing nothing", async () => {
    const before = await counts();
    const input = await edit({ fullName: "Hacked" });
    await expect(updateSubject(await f.actor(f.users.coordB.id), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateSubject(await f.actor(f.users.sponsor.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSubject(await f.actor(f.users.admin.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    expect((await reload(f.subjectA.id)).fullName).not.toBe("Hacked");
  });
});
