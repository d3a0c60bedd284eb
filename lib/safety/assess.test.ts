import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { aeCounts, consentBoth, insertAe } from "@/tests/fixtures-aes";
import { auditOf } from "@/tests/fixtures-safety";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { assessAdverseEvent } from "./assess";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

const form = { causality: "probable", expectedness: "unexpected", grade: "3", outcome: "recovering" };

describe("assessAdverseEvent", () => {
  it("records causality, expectedness, grade, outcome, who and when; audited", async () => {
    const ae = await insertAe(f);
    const after = await assessAdverseEvent(await f.actor(f.users.invA.id), { id: ae.id, version: ae.version, ...form });
    expect(after).toMatchObject({ causality: "probable", expectedness: "unexpected", grade: 3, outcome: "recovering", assessedById: f.users.invA.id, version: 2 });
    expect(after.assessedAt).toBeInstanceOf(Date);
    const [audit] = await auditOf("adverse_event", ae.id);
    expect(audit).toMatchObject({ action: "assess", reason: null });
    expect(audit!.changes).toMatchObject({ causality: [null, "probable"], grade: [1, 3] });
  });

  it("refuses coordinators, foreign sites, sponsors, admins, stale versions and bad input — nothing written", async () => {
    const ae = await insertAe(f);
    const input = { id: ae.id, version: ae.version, ...form };
    const before = await aeCounts();
    await expect(assessAdverseEvent(await f.actor(f.users.coordA.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assessAdverseEvent(await f.actor(f.users.invB.id), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(assessAdverseEvent(await f.actor(f.users.sponsor.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assessAdverseEvent(await f.actor(f.users.admin.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    const inv = await f.actor(f.users.invA.id);
    const stale = await assessAdverseEvent(inv, { ...input, version: 5 }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ id: ae.id, version: 1 });
    const bad = await assessAdverseEvent(inv, { id: ae.id, version: 1, causality: "maybe", expectedness: "", grade: "9", outcome: "" }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["causality", "expectedness", "grade", "outcome"]);
    expect(await aeCounts()).toEqual(before);
  });

  it("needs a reason to change an earlier assessment", async () => {
    const ae = await insertAe(f);
    const inv = await f.actor(f.users.invA.id);
    await assessAdverseEvent(inv, { id: ae.id, version: 1, ...form });
    await expect(assessAdverseEvent(inv, { id: ae.id, version: 2, ...form, grade: "2" })).rejects.toMatchObject({ fieldErrors: { reason: [expect.any(String)] } });
    const after = await assessAdverseEvent(inv, { id: ae.id, version: 2, ...form, grade: "2", reason: "Regraded after labs" });
    expect(after.grade).toBe(2);
  });
});
