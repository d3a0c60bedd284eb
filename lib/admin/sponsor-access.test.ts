import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, studySponsorAccess } from "@/db/schema";
import { testDb } from "@/tests/db";
import { adminCounts } from "@/tests/fixtures-admin";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { loadActor } from "../auth/load-actor";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { decide } from "../policy";
import { grantSponsorAccess, revokeSponsorAccess } from "./sponsor-access";

const f = withTwoSites();

const studyB = () => ({ siteId: f.siteB.id, studyId: f.studyB.id });

describe("sponsor access", () => {
  it("grants, revokes and re-grants; each takes effect on the sponsor's next request; rows are kept", async () => {
    const admin = await f.actor(f.users.admin.id);
    expect(decide(await loadActor(f.users.sponsor.id), "subject.read", studyB())).toBe("not_found");
    const granted = await grantSponsorAccess(admin, { studyId: f.studyB.id, userId: f.users.sponsor.id });
    expect(granted).toMatchObject({ grantedById: admin.id, revokedAt: null });
    expect(decide(await loadActor(f.users.sponsor.id), "subject.read", studyB())).toBe("allow");

    const revoked = await revokeSponsorAccess(admin, { studyId: f.studyB.id, userId: f.users.sponsor.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(decide(await loadActor(f.users.sponsor.id), "subject.read", studyB())).toBe("not_found");

    await grantSponsorAccess(admin, { studyId: f.studyB.id, userId: f.users.sponsor.id });
    expect(decide(await loadActor(f.users.sponsor.id), "subject.read", studyB())).toBe("allow");
    const db = await testDb();
    const rows = await db.select().from(studySponsorAccess).where(and(eq(studySponsorAccess.studyId, f.studyB.id)));
    expect(rows).toHaveLength(1);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entity, "study_sponsor_access")).orderBy(auditEvents.seq);
    expect(audit.map((a) => [a.action, a.entityId, a.siteId])).toEqual([
      ["grant", f.users.sponsor.id, f.siteB.id],
      ["revoke", f.users.sponsor.id, f.siteB.id],
      ["grant", f.users.sponsor.id, f.siteB.id],
    ]);
  });

  it("refuses a non-sponsor, an inactive sponsor, a double grant, an unknown study or grant, and non-admins — writing nothing", async () => {
    const admin = await f.actor(f.users.admin.id);
    const pendingSponsor = await makeUser("sponsor_pending", "sponsor", null, "pending");
    const before = await adminCounts();
    for (const userId of [f.users.coordA.id, pendingSponsor.id]) {
      const e = await grantSponsorAccess(admin, { studyId: f.studyA.id, userId }).catch((x) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.fieldErrors).toEqual({ userId: ["Choose an active sponsor account."] });
    }
    const twice = await grantSponsorAccess(admin, { studyId: f.studyA.id, userId: f.users.sponsor.id }).catch((x) => x);
    expect(twice.fieldErrors).toEqual({ userId: ["This sponsor already has access."] });
    await expect(grantSponsorAccess(admin, { studyId: "00000000-0000-4000-8000-000000000000", userId: f.users.sponsor.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeSponsorAccess(admin, { studyId: f.studyA.id, userId: pendingSponsor.id })).rejects.toBeInstanceOf(NotFoundError);
    const bad = await grantSponsorAccess(admin, { studyId: "x", userId: "" }).catch((x) => x);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["studyId", "userId"]);
    for (const id of [f.users.coordA.id, f.users.invA.id, f.users.sponsor.id]) {
      const actor = await f.actor(id);
      await expect(revokeSponsorAccess(actor, { studyId: f.studyA.id, userId: f.users.sponsor.id })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await adminCounts()).toEqual(before);
  });
});
