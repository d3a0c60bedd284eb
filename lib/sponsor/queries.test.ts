import { beforeAll, describe, expect, it } from "vitest";
import { countQueries, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { OVERVIEW_NOW, studyWithKnownCounts } from "@/tests/fixtures-sponsor";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getStudyOverview, listSponsorStudies } from "./queries";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let sponsor: Actor;

beforeAll(async () => {
  f = await twoSites();
  sponsor = await f.actor(f.users.sponsor.id);
  await studyWithKnownCounts(f);
});

describe("getStudyOverview", () => {
  it("computes the funnel, screen-fail rate, visit compliance and AE counts of a granted study", async () => {
    const o = await getStudyOverview(sponsor, f.studyA.id, OVERVIEW_NOW);
    expect(o.study).toEqual({
      id: f.studyA.id,
      protocolId: "A-001",
      title: "Study A",
      status: "recruiting",
      siteName: "Site A",
      siteTimezone: "America/New_York",
    });
    expect(o.funnel).toEqual({ registered: 6, screened: 5, passed: 4, failed: 1, enrolled: 3, ongoing: 1, completed: 1, withdrawn: 1, lost: 0 });
    expect(o.screenFailRate).toBeCloseTo(0.2);
    expect(o.visits).toEqual({ due: 4, completedInWindow: 1, completedOutOfWindow: 1, missed: 1, overdue: 1, compliance: 0.25 });
    expect(o.aes).toEqual({
      total: 4,
      serious: 2,
      bySeverity: [
        { severity: "mild", serious: 0, nonSerious: 2, total: 2 },
        { severity: "moderate", serious: 1, nonSerious: 0, total: 1 },
        { severity: "severe", serious: 1, nonSerious: 0, total: 1 },
      ],
    });
  });

  it("takes four queries, whatever the study's size", async () => {
    const { queries } = await countQueries(() => getStudyOverview(sponsor, f.studyA.id, OVERVIEW_NOW));
    expect(queries).toBe(4);
  });

  it("gives empty rates, not NaN, for a study with nothing in it yet", async () => {
    const admin = await f.actor(f.users.admin.id);
    const o = await getStudyOverview(admin, f.studyB.id, OVERVIEW_NOW);
    expect(o.funnel.screened).toBe(0);
    expect(o.screenFailRate).toBeNull();
    expect(o.visits.compliance).toBeNull();
    expect(o.aes.total).toBe(1);
  });

  it("is not found for a study not granted, a revoked grant or a malformed id; forbidden to site staff", async () => {
    await expect(getStudyOverview(sponsor, f.studyB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudyOverview({ ...sponsor, sponsorStudyIds: [] }, f.studyA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudyOverview(sponsor, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudyOverview(await f.actor(f.users.coordA.id), f.studyA.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getStudyOverview(await f.actor(f.users.invA.id), f.studyA.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getStudyOverview({ ...sponsor, status: "disabled" }, f.studyA.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("listSponsorStudies", () => {
  it("lists only the granted studies with headline counts, in one query", async () => {
    const { result, queries } = await countQueries(() => listSponsorStudies(sponsor));
    expect(queries).toBe(1);
    expect(result).toEqual([
      { id: f.studyA.id, protocolId: "A-001", title: "Study A", status: "recruiting", siteName: "Site A", subjects: 6, enrolled: 3, aes: 4, seriousAes: 2 },
    ]);
  });

  it("shows an admin every study; refuses site staff", async () => {
    const rows = await listSponsorStudies(await f.actor(f.users.admin.id));
    expect(rows.map((r) => r.protocolId)).toEqual(["A-001", "B-001"]);
    await expect(listSponsorStudies(await f.actor(f.users.coordB.id))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
