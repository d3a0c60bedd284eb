import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, studies } from "@/db/schema";
import { countQueries, testDb } from "@/tests/db";
import { adminCounts } from "@/tests/fixtures-admin";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { createStudy, updateStudy } from "./studies";
import { getStudySetup, listAdminStudies, studyFormChoices } from "./queries";

const f = withTwoSites();

const valid = () => ({
  protocolId: "A-002",
  title: "A second study",
  status: "not_yet_recruiting",
  principalInvestigatorId: f.users.invA.id,
  siteId: f.siteA.id,
});

describe("studies", () => {
  it("creates a study with a PI of its site, audited", async () => {
    const admin = await f.actor(f.users.admin.id);
    const study = await createStudy(admin, valid());
    expect(study).toMatchObject({ protocolId: "A-002", status: "not_yet_recruiting", siteId: f.siteA.id, version: 1 });
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, study.id));
    expect(audit).toMatchObject({ entity: "study", action: "create", actorId: admin.id, siteId: f.siteA.id });
    expect(audit!.changes).toMatchObject({ protocolId: [null, "A-002"], title: [null, "A second study"] });
  });

  it("edits title, status and PI with a version check", async () => {
    const admin = await f.actor(f.users.admin.id);
    const inv2 = await makeUser("inv_a2", "investigator", f.siteA.id);
    const after = await updateStudy(admin, { ...valid(), id: f.studyA.id, version: 1, protocolId: "A-001", status: "active_not_recruiting", principalInvestigatorId: inv2.id });
    expect(after).toMatchObject({ status: "active_not_recruiting", principalInvestigatorId: inv2.id, version: 2 });
    const stale = await updateStudy(admin, { ...valid(), id: f.studyA.id, version: 1, protocolId: "A-001" }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ status: "active_not_recruiting", version: 2 });
  });

  it("refuses a duplicate protocol ID at the site, a PI of another site or role, a site move with subjects — writing nothing", async () => {
    const admin = await f.actor(f.users.admin.id);
    const before = await adminCounts();
    const dup = await createStudy(admin, { ...valid(), protocolId: "A-001" }).catch((e) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect(dup.fieldErrors).toEqual({ protocolId: ["This site already has a study with this protocol ID."] });
    const foreignPi = await createStudy(admin, { ...valid(), protocolId: "A-009", principalInvestigatorId: f.users.invB.id }).catch((e) => e);
    expect(foreignPi.fieldErrors).toEqual({ principalInvestigatorId: [expect.stringMatching(/active investigator/)] });
    const coordPi = await createStudy(admin, { ...valid(), protocolId: "A-009", principalInvestigatorId: f.users.coordA.id }).catch((e) => e);
    expect(coordPi.fieldErrors).toHaveProperty("principalInvestigatorId");
    const move = await updateStudy(admin, { ...valid(), id: f.studyB.id, version: 1, protocolId: "B-001", siteId: f.siteA.id }).catch((e) => e);
    expect(move.fieldErrors).toEqual({ siteId: ["A study with subjects cannot move to another site."] });
    const bad = await createStudy(admin, { protocolId: "", title: "", status: "paused", principalInvestigatorId: "x", siteId: "" }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["principalInvestigatorId", "protocolId", "siteId", "status", "title"]);
    await expect(updateStudy(admin, { ...valid(), id: "00000000-0000-4000-8000-000000000000", version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    for (const id of [f.users.coordA.id, f.users.invA.id, f.users.sponsor.id]) {
      const actor = await f.actor(id);
      await expect(createStudy(actor, valid())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateStudy(actor, { ...valid(), id: f.studyA.id, version: 2 })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await adminCounts()).toEqual(before);
    const db = await testDb();
    expect((await db.select().from(studies).where(eq(studies.id, f.studyB.id)))[0]).toMatchObject({ siteId: f.siteB.id, version: 1 });
  });

  it("lists studies with site, PI and counts, filtered; the setup reads in a fixed number of queries", async () => {
    const admin = await f.actor(f.users.admin.id);
    const all = await listAdminStudies(admin);
    expect(all.total).toBe(3);
    expect(all.rows[0]).toMatchObject({ siteName: "Site A", scheduleCount: 0, sponsorCount: 1 });
    expect((await listAdminStudies(admin, { filters: { siteId: f.siteB.id } })).rows.map((r) => r.protocolId)).toEqual(["B-001"]);
    expect((await listAdminStudies(admin, { filters: { q: "a-002" } })).rows.map((r) => r.protocolId)).toEqual(["A-002"]);
    const { result: setup, queries } = await countQueries(() => getStudySetup(admin, f.studyA.id));
    expect(queries).toBe(4);
    expect(setup).toMatchObject({ siteName: "Site A", access: [{ username: "sponsor_x", revokedAt: null }] });
    expect(setup!.sponsors.map((s) => s.username)).toEqual(["sponsor_x"]);
    expect(await getStudySetup(admin, "nope")).toBeNull();
    const choices = await studyFormChoices(admin);
    expect(choices.investigators.map((i) => i.username).sort()).toEqual(["inv_a", "inv_a2", "inv_b"]);
    await expect(listAdminStudies(await f.actor(f.users.coordA.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getStudySetup(await f.actor(f.users.sponsor.id), f.studyA.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
