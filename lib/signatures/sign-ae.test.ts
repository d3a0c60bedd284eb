import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { auditOf, signatureCounts, signaturesOf } from "@/tests/fixtures-safety";
import { updateAdverseEvent } from "../adverse-events/update";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { assessAdverseEvent } from "../safety/assess";
import { aeSignedContent, contentHash } from "./content";
import { signAdverseEvent } from "./sign-ae";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

const assessed = (values: Parameters<typeof insertAe>[1] = {}) =>
  insertAe(f, {
    causality: "possible",
    expectedness: "expected",
    outcome: "recovering",
    assessedAt: new Date("2024-02-02T10:00:00Z"),
    ...values,
  });

describe("signAdverseEvent", () => {
  it("signs an assessed AE with the investigator's password: printed name, db time, meaning, content hash, audited", async () => {
    const ae = await assessed({ assessedById: f.users.invA.id });
    const inv = await f.actor(f.users.invA.id);
    const before = Date.now();
    const sig = await signAdverseEvent(inv, { id: ae.id, version: ae.version, username: "inv_a", password: FIXTURE_PASSWORD });
    expect(sig).toMatchObject({
      entity: "adverse_event",
      entityId: ae.id,
      signerId: f.users.invA.id,
      printedName: "inv_a Person",
      meaning: "Reviewed and assessed",
      contentHash: contentHash(aeSignedContent(ae)),
      voidedAt: null,
    });
    expect(sig.signedAt.getTime()).toBeGreaterThan(before - 60_000);
    const audit = await auditOf("adverse_event", ae.id);
    expect(audit.map((a) => a.action)).toEqual(["sign"]);
    expect(JSON.stringify(audit[0]!.changes)).not.toContain(FIXTURE_PASSWORD);
  });

  it("a wrong password signs nothing and is audited as sign.failed", async () => {
    const ae = await assessed();
    const inv = await f.actor(f.users.invA.id);
    const before = await signatureCounts();
    const error = await signAdverseEvent(inv, { id: ae.id, version: ae.version, username: "inv_a", password: "not-my-password" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.password).toEqual([expect.stringMatching(/not correct/)]);
    const after = await signatureCounts();
    expect(after.signatures).toBe(before.signatures);
    expect(after.audits).toBe(before.audits + 1);
    const [failed] = await auditOf("adverse_event", ae.id);
    expect(failed).toMatchObject({ action: "sign.failed", actorId: f.users.invA.id });
    expect(JSON.stringify(failed)).not.toContain("not-my-password");
  });

  it("needs the investigator role and the same site; refusals write nothing", async () => {
    const ae = await assessed();
    const input = { id: ae.id, version: ae.version, username: "inv_a", password: FIXTURE_PASSWORD };
    const before = await signatureCounts();
    await expect(signAdverseEvent(await f.actor(f.users.coordA.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(signAdverseEvent(await f.actor(f.users.invB.id), input)).rejects.toBeInstanceOf(NotFoundError);
    // Coordinators never sign: refused as a role, before the record is looked up anywhere.
    await expect(signAdverseEvent(await f.actor(f.users.coordB.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(signAdverseEvent(await f.actor(f.users.sponsor.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(signAdverseEvent(await f.actor(f.users.admin.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await signatureCounts()).toEqual(before);
  });

  it("refuses an unassessed AE, a stale version, a second signature and a missing password", async () => {
    const inv = await f.actor(f.users.invA.id);
    const unassessed = await insertAe(f);
    const ae = await assessed();
    const before = await signatureCounts();
    await expect(signAdverseEvent(inv, { id: unassessed.id, version: 1, username: "inv_a", password: FIXTURE_PASSWORD })).rejects.toThrow(/Assess/);
    await expect(signAdverseEvent(inv, { id: ae.id, version: 7, username: "inv_a", password: FIXTURE_PASSWORD })).rejects.toBeInstanceOf(ConflictError);
    await expect(signAdverseEvent(inv, { id: ae.id, version: 1, username: "inv_a", password: "" })).rejects.toMatchObject({ fieldErrors: { password: [expect.any(String)] } });
    expect(await signatureCounts()).toEqual(before);
    await signAdverseEvent(inv, { id: ae.id, version: 1, username: "inv_a", password: FIXTURE_PASSWORD });
    await expect(signAdverseEvent(inv, { id: ae.id, version: 1, username: "inv_a", password: FIXTURE_PASSWORD })).rejects.toThrow(/already signed/);
  });

  it("is voided when a coordinator changes signed content (severity): who, when, which fields — audited", async () => {
    const ae = await assessed({ serious: true, seriousnessCriteria: ["hospitalization"] });
    const inv = await f.actor(f.users.invA.id);
    await signAdverseEvent(inv, { id: ae.id, version: ae.version, username: "inv_a", password: FIXTURE_PASSWORD });
    const coord = await f.actor(f.users.coordA.id);
    await updateAdverseEvent(coord, { id: ae.id, version: ae.version, reason: "Source says severe", severity: "severe" });
    const [sig] = await signaturesOf(ae.id);
    expect(sig).toMatchObject({ voidedById: f.users.coordA.id, voidReason: "Signed content changed: severity" });
    const audit = await auditOf("adverse_event", ae.id);
    expect(audit.map((a) => a.action)).toEqual(["sign", "update", "signature.void"]);
    expect(audit[2]).toMatchObject({ actorId: f.users.coordA.id, reason: "Signed content changed: severity" });
    // Back in the queue: it can be signed again, over the new content.
    const again = await signAdverseEvent(inv, { id: ae.id, version: ae.version + 1, username: "inv_a", password: FIXTURE_PASSWORD });
    expect(again.contentHash).not.toBe(sig!.contentHash);
  });

  it("is voided when the assessment changes, with the reason required", async () => {
    const ae = await assessed();
    const inv = await f.actor(f.users.invA.id);
    await signAdverseEvent(inv, { id: ae.id, version: 1, username: "inv_a", password: FIXTURE_PASSWORD });
    const input = { id: ae.id, version: 1, causality: "probable", expectedness: "expected", grade: "1", outcome: "recovering" };
    await expect(assessAdverseEvent(inv, input)).rejects.toMatchObject({ fieldErrors: { reason: [expect.any(String)] } });
    await assessAdverseEvent(inv, { ...input, reason: "New lab results" });
    const [sig] = await signaturesOf(ae.id);
    expect(sig!.voidReason).toBe("Signed content changed: causality");
  });
});
