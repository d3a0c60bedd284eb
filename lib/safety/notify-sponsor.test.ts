import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { aeCounts, consentBoth, insertAe } from "@/tests/fixtures-aes";
import { auditOf } from "@/tests/fixtures-safety";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { markSponsorNotified } from "./notify-sponsor";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

const serious = () => insertAe(f, { serious: true, seriousnessCriteria: ["hospitalization"] });

describe("markSponsorNotified", () => {
  it("records the database time for a serious AE, by a coordinator or investigator; audited", async () => {
    const ae = await serious();
    const after = await markSponsorNotified(await f.actor(f.users.coordA.id), { id: ae.id, version: ae.version });
    expect(after.sponsorNotifiedAt).toBeInstanceOf(Date);
    expect((await auditOf("adverse_event", ae.id)).map((a) => a.action)).toEqual(["notify_sponsor"]);
    const other = await serious();
    expect((await markSponsorNotified(await f.actor(f.users.invA.id), { id: other.id, version: 1 })).version).toBe(2);
  });

  it("refuses twice, non-serious AEs, foreign sites, sponsors, admins and stale versions — nothing written", async () => {
    const ae = await serious();
    const mild = await insertAe(f);
    const coord = await f.actor(f.users.coordA.id);
    const before = await aeCounts();
    await expect(markSponsorNotified(coord, { id: mild.id, version: 1 })).rejects.toThrow(/serious/);
    await expect(markSponsorNotified(await f.actor(f.users.coordB.id), { id: ae.id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markSponsorNotified(await f.actor(f.users.sponsor.id), { id: ae.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markSponsorNotified(await f.actor(f.users.admin.id), { id: ae.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markSponsorNotified(coord, { id: ae.id, version: 4 })).rejects.toBeInstanceOf(ConflictError);
    expect(await aeCounts()).toEqual(before);
    await markSponsorNotified(coord, { id: ae.id, version: 1 });
    await expect(markSponsorNotified(coord, { id: ae.id, version: 2 })).rejects.toThrow(/already recorded/);
  });
});
