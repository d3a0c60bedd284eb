import { describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, withTwoSites } from "@/tests/fixtures";
import { auditOf, signatureCounts, signaturesOf } from "@/tests/fixtures-safety";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { updateScreening } from "../screenings/update";
import { contentHash, screeningSignedContent } from "./content";
import { signEligibility } from "./sign-eligibility";

const f = withTwoSites();

const passed = async () => addScreening(await addSubject(f, "A"), f.users.coordA.id, { screeningStatus: "passed", screeningDate: "2025-01-12" });

describe("signEligibility", () => {
  it("signs a passed screening: 'Eligibility confirmed', printed name, content hash, audited", async () => {
    const s = await passed();
    const sig = await signEligibility(await f.actor(f.users.invA.id), { screeningId: s.id, version: s.version, username: "inv_a", password: FIXTURE_PASSWORD });
    expect(sig).toMatchObject({
      entity: "screening",
      entityId: s.id,
      meaning: "Eligibility confirmed",
      printedName: "inv_a Person",
      contentHash: contentHash(screeningSignedContent(s)),
    });
    expect((await auditOf("screening", s.id)).map((a) => a.action)).toEqual(["sign"]);
  });

  it("a wrong password signs nothing and is audited as sign.failed", async () => {
    const s = await passed();
    const before = await signatureCounts();
    await expect(signEligibility(await f.actor(f.users.invA.id), { screeningId: s.id, version: s.version, username: "inv_a", password: "wrong-one" })).rejects.toBeInstanceOf(ValidationError);
    expect(await signatureCounts()).toEqual({ signatures: before.signatures, audits: before.audits + 1 });
    expect((await auditOf("screening", s.id)).map((a) => a.action)).toEqual(["sign.failed"]);
  });

  it("needs a same-site investigator and a passed, current screening; refusals write nothing", async () => {
    const s = await passed();
    const failed = await addScreening(await addSubject(f, "A"), f.users.coordA.id, { screeningStatus: "failed", failReason: "Exclusion 2" });
    const input = { screeningId: s.id, version: s.version, username: "inv_a", password: FIXTURE_PASSWORD };
    const before = await signatureCounts();
    await expect(signEligibility(await f.actor(f.users.coordA.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(signEligibility(await f.actor(f.users.invB.id), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(signEligibility(await f.actor(f.users.sponsor.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(signEligibility(await f.actor(f.users.admin.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    const inv = await f.actor(f.users.invA.id);
    await expect(signEligibility(inv, { ...input, version: 9 })).rejects.toBeInstanceOf(ConflictError);
    await expect(signEligibility(inv, { ...input, screeningId: failed.id })).rejects.toThrow(/passed/);
    expect(await signatureCounts()).toEqual(before);
  });

  it("is voided when the signed screening is corrected", async () => {
    const s = await passed();
    const inv = await f.actor(f.users.invA.id);
    await signEligibility(inv, { screeningId: s.id, version: s.version, username: "inv_a", password: FIXTURE_PASSWORD });
    await updateScreening(await f.actor(f.users.coordA.id), {
      id: s.id,
      version: s.version,
      reason: "Date typo",
      screeningStatus: "passed",
      screeningDate: "2025-01-13",
      completedById: f.users.coordA.id,
    });
    const [sig] = await signaturesOf(s.id);
    expect(sig).toMatchObject({ voidedById: f.users.coordA.id, voidReason: "Signed content changed: screeningDate" });
  });
});
