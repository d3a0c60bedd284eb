import { describe, expect, it } from "vitest";
import { withTwoSites } from "@/tests/fixtures";
import { ForbiddenError, NotFoundError } from "../errors";
import { getSubject, listRecentSubjects } from "./queries";

const f = withTwoSites();

describe("site-scoped subject reads", () => {
  it("gives a coordinator their own site's subject, identified", async () => {
    const subject = await getSubject(await f.actor(f.users.coordA.id), f.subjectA.id);
    expect(subject).toMatchObject({ subjectId: "A-01", fullName: "Alice Anders", dob: "1970-05-02", protocolId: "A-001" });
  });

  it("answers 'not found' for another site's subject, a missing id and a malformed id", async () => {
    const coordB = await f.actor(f.users.coordB.id);
    await expect(getSubject(coordB, f.subjectA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSubject(coordB, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSubject(coordB, "' or 1=1 --")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("de-identifies for a sponsor in the data itself, and hides studies not granted", async () => {
    const sponsor = await f.actor(f.users.sponsor.id);
    const subject = await getSubject(sponsor, f.subjectA.id);
    expect(subject.fullName).toBeNull();
    expect(subject.dob).toBe("1970");
    await expect(getSubject(sponsor, f.subjectB.id)).rejects.toBeInstanceOf(NotFoundError);
    const recent = await listRecentSubjects(sponsor);
    expect(recent.map((r) => r.subjectId)).toEqual(["A-01"]);
    expect(recent.every((r) => r.fullName === null)).toBe(true);
  });

  it("lists only the actor's site", async () => {
    expect((await listRecentSubjects(await f.actor(f.users.coordB.id))).map((r) => r.subjectId)).toEqual(["B-01"]);
    expect((await listRecentSubjects(await f.actor(f.users.admin.id))).length).toBe(2);
  });

  it("refuses a pending account", async () => {
    const { makeUser } = await import("@/tests/fixtures");
    const pending = await makeUser("pending_p", "coordinator", null, "pending");
    await expect(listRecentSubjects(await f.actor(pending.id))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
