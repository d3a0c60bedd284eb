/**
 * Each admin action on a person takes effect on that person's very next request: requireActor()
 * re-reads the user through loadActor() every time, so these tests load the actor the same way.
 */
import { describe, expect, it } from "vitest";
import { withTwoSites } from "@/tests/fixtures";
import { loadActor } from "../auth/load-actor";
import { NotFoundError } from "../errors";
import { decide } from "../policy";
import { getSubject } from "../subjects/queries";
import { assignRole, setUserStatus } from "../users/admin";

const f = withTwoSites();

describe("admin changes reach the affected user's next request", () => {
  it("a site change: the old site's records become not found, the new site's readable", async () => {
    const admin = await f.actor(f.users.admin.id);
    const coord = (await loadActor(f.users.coordA.id))!;
    expect((await getSubject(coord, f.subjectA.id))?.subjectId).toBe("A-01");
    await assignRole(admin, { userId: coord.id, role: "coordinator", siteId: f.siteB.id, version: 1 });
    const next = (await loadActor(coord.id))!;
    expect(next).toMatchObject({ siteId: f.siteB.id, siteName: "Site B" });
    await expect(getSubject(next, f.subjectA.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getSubject(next, f.subjectB.id))?.subjectId).toBe("B-01");
  });

  it("a role change: a coordinator made investigator may sign on the next request", async () => {
    const admin = await f.actor(f.users.admin.id);
    const resource = { siteId: f.siteB.id, studyId: f.studyB.id };
    expect(decide(await loadActor(f.users.coordB.id), "ae.sign", resource)).toBe("forbidden");
    await assignRole(admin, { userId: f.users.coordB.id, role: "investigator", siteId: f.siteB.id, version: 1 });
    expect(decide(await loadActor(f.users.coordB.id), "ae.sign", resource)).toBe("allow");
  });

  it("a disabled user's existing session is refused at once", async () => {
    const admin = await f.actor(f.users.admin.id);
    const inv = (await loadActor(f.users.invA.id))!;
    expect(decide(inv, "subject.read", { siteId: f.siteA.id, studyId: f.studyA.id })).toBe("allow");
    await setUserStatus(admin, { userId: inv.id, status: "disabled", version: 1, reason: "Left the site" });
    const next = (await loadActor(inv.id))!;
    expect(next.status).toBe("disabled");
    expect(decide(next, "subject.read", { siteId: f.siteA.id, studyId: f.studyA.id })).toBe("forbidden");
    await expect(getSubject(next, f.subjectA.id)).rejects.toThrow();
  });
});
