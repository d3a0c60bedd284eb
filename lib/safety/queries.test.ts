import { beforeAll, describe, expect, it } from "vitest";
import { countQueries, withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { updateAdverseEvent } from "../adverse-events/update";
import { ForbiddenError } from "../errors";
import { parseList } from "../list/params";
import { signAdverseEvent } from "../signatures/sign-ae";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { signEligibility } from "../signatures/sign-eligibility";
import { eligibilitySpec, listEligibilityToConfirm, listSafetyQueue, safetyQueueSpec } from "./queries";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

const state = (params: Record<string, string> = {}) => parseList(params, safetyQueueSpec);
const assessedValues = { causality: "possible", expectedness: "unexpected", outcome: "recovering", assessedAt: new Date() } as const;

describe("listSafetyQueue", () => {
  it("lists the site's unassessed and unsigned AEs, serious first then by awareness; voided ones come back", async () => {
    const mildEarly = await insertAe(f, { eventTerm: "Nausea", awareAt: new Date("2024-02-01T08:00:00Z") });
    const saeLate = await insertAe(f, { eventTerm: "Pneumonia", serious: true, seriousnessCriteria: ["hospitalization"], awareAt: new Date("2024-02-03T08:00:00Z") });
    const saeEarly = await insertAe(f, { eventTerm: "Sepsis", serious: true, seriousnessCriteria: ["life_threatening"], awareAt: new Date("2024-02-02T08:00:00Z"), ...assessedValues });
    const signed = await insertAe(f, { eventTerm: "Rash", ...assessedValues });
    await insertAe(f, { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, eventTerm: "Foreign" });
    const inv = await f.actor(f.users.invA.id);
    await signAdverseEvent(inv, { id: signed.id, version: 1, username: "inv_a", password: FIXTURE_PASSWORD });

    const page = await listSafetyQueue(inv, state());
    expect(page.rows.map((r) => r.eventTerm)).toEqual(["Sepsis", "Pneumonia", "Nausea"]);
    expect(page.total).toBe(3);
    expect(page.rows[0]).toMatchObject({ id: saeEarly.id, expedited: "7-day", subjectName: "Alice Anders", timeZone: "America/New_York" });
    expect(page.rows.find((r) => r.id === saeLate.id)!.expedited).toBeNull();
    expect(page.rows.find((r) => r.id === mildEarly.id)!.voidedAt).toBeNull();

    await updateAdverseEvent(await f.actor(f.users.coordA.id), { id: signed.id, version: 1, reason: "Source", severity: "severe" });
    const again = await listSafetyQueue(inv, state({ serious: "false" }));
    const back = again.rows.find((r) => r.id === signed.id)!;
    expect(back).toMatchObject({ voidReason: "Signed content changed: severity", voidedByName: "coord_a Person", voidedSignerName: "inv_a Person" });
    expect(back.voidedAt).toBeInstanceOf(Date);
  });

  it("reads in two queries whatever the page holds; only investigators", async () => {
    const inv = await f.actor(f.users.invA.id);
    const { queries } = await countQueries(() => listSafetyQueue(inv, state()));
    expect(queries).toBe(2);
    await expect(listSafetyQueue(await f.actor(f.users.coordA.id), state())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listSafetyQueue(await f.actor(f.users.sponsor.id), state())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("listEligibilityToConfirm", () => {
  it("lists the site's passed screenings without a live eligibility signature, in two queries; investigators only", async () => {
    const inv = await f.actor(f.users.invA.id);
    const passed = await addScreening(await addSubject(f, "A"), f.users.coordA.id, { screeningStatus: "passed" });
    const signed = await addScreening(await addSubject(f, "A"), f.users.coordA.id, { screeningStatus: "passed" });
    await addScreening(await addSubject(f, "A"), f.users.coordA.id, { screeningStatus: "pending" });
    await addScreening(await addSubject(f, "B"), f.users.coordB.id, { screeningStatus: "passed" });
    await signEligibility(inv, { screeningId: signed.id, version: 1, username: "inv_a", password: FIXTURE_PASSWORD });
    const { result, queries } = await countQueries(() => listEligibilityToConfirm(inv, parseList({}, eligibilitySpec)));
    expect(queries).toBe(2);
    expect(result.rows.map((r) => r.id)).toEqual([passed.id]);
    expect(result.rows[0]).toMatchObject({ completedByName: "coord_a Person", protocolId: "A-001" });
    await expect(listEligibilityToConfirm(await f.actor(f.users.coordA.id), parseList({}, eligibilitySpec))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
