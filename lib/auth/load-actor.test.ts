import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { studySponsorAccess, users } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { decide } from "../policy";
import { loadActor } from "./load-actor";

withTestDb();

describe("loadActor re-reads the person on every request", () => {
  it("reflects a disable, a move and a grant revocation at once", async () => {
    const f = await twoSites();
    const db = await testDb();

    const before = await loadActor(f.users.coordA.id);
    expect(before).toMatchObject({ status: "active", role: "coordinator", siteId: f.siteA.id, siteName: "Site A", siteTimezone: "America/New_York" });
    expect(decide(before, "subject.read", { siteId: f.siteA.id, studyId: f.studyA.id })).toBe("allow");

    // Moved to site B: site A's records are now "not found".
    await db.update(users).set({ siteId: f.siteB.id }).where(eq(users.id, f.users.coordA.id));
    const moved = await loadActor(f.users.coordA.id);
    expect(moved?.siteId).toBe(f.siteB.id);
    expect(decide(moved, "subject.read", { siteId: f.siteA.id, studyId: f.studyA.id })).toBe("not_found");

    // Disabled: refused everything on the very next read.
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, f.users.coordA.id));
    const disabled = await loadActor(f.users.coordA.id);
    expect(disabled?.status).toBe("disabled");
    expect(decide(disabled, "subject.read", { siteId: f.siteB.id, studyId: f.studyB.id })).toBe("forbidden");

    // Sponsor grants: present, then revoked.
    const sponsor = await loadActor(f.users.sponsor.id);
    expect(sponsor?.sponsorStudyIds).toEqual([f.studyA.id]);
    await db.update(studySponsorAccess).set({ revokedAt: new Date() }).where(eq(studySponsorAccess.userId, f.users.sponsor.id));
    expect((await loadActor(f.users.sponsor.id))?.sponsorStudyIds).toEqual([]);

    expect(await loadActor("00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
