/**
 * docs/product.md, "Sponsor view": a sponsor sees no full name, no full date of birth (year only) and no note text.
 * Every entity × read path is walked by lib/read-model/sponsor-deidentification.test.ts; this file
 * checks what lies beside it: the study overview is aggregates only, the history query itself
 * withholds, the coordinator dashboard is refused, and a study not granted is not found.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb, testDb } from "@/tests/db";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { aeListSpec, getAdverseEvent, listAdverseEvents } from "@/lib/adverse-events/queries";
import { getCoordinatorDashboard } from "@/lib/dashboard/queries";
import { selectHistory } from "@/lib/audit/history";
import { parseList } from "@/lib/list/params";
import { listScreeningQueue } from "@/lib/screenings/queries";
import { parseQueueParams } from "@/lib/screenings/queue-params";
import { parseSubjectList } from "@/lib/subjects/list-params";
import { exportSubjects, getSubject, listRecentSubjects, listSubjects } from "@/lib/subjects/queries";
import { getSubjectTimeline } from "@/lib/timeline/subject-timeline";
import { getVisit, listFlaggedVisits, listVisitHistory } from "@/lib/visits/queries";
import { DOB, leaked, writeSponsorRecords, type SponsorRecords } from "@/lib/read-model/test-records";
import { getStudyOverview, listSponsorStudies } from "./queries";

withTestDb();

const now = new Date();
let r: SponsorRecords;
let f: SponsorRecords["f"];
let sponsor: Actor;

beforeAll(async () => {
  r = await writeSponsorRecords(now);
  f = r.f;
  sponsor = r.sponsor;
});

/** Every list a sponsor can reach. */
async function everyList(actor: Actor) {
  return {
    recent: await listRecentSubjects(actor, 50),
    registry: await listSubjects(actor, parseSubjectList({})),
    registryExport: await exportSubjects(actor, parseSubjectList({}), 1000),
    queue: await listScreeningQueue(actor, parseQueueParams({})),
    overdue: await listFlaggedVisits(actor, { flag: "overdue", now }),
    aes: await listAdverseEvents(actor, parseList({}, aeListSpec)),
    timeline: await getSubjectTimeline(actor, r.subject.id, now),
  };
}

describe("de-identification for sponsors", () => {
  it("the study overview is aggregates only: no identifiers, and counts that match the data", async () => {
    const overview = await getStudyOverview(sponsor, f.studyA.id, now);
    expect(leaked([overview, await listSponsorStudies(sponsor)])).toEqual([]);
    expect(overview.funnel).toMatchObject({ registered: 3, screened: 2, passed: 1, failed: 1, enrolled: 1, withdrawn: 1 });
  });

  it("the history query itself withholds for a sponsor viewer (not only presentHistory afterwards)", async () => {
    const db = await testDb();
    const ids = [r.subject.id, r.failed.id, r.canceledVisit.id, r.aeId];
    const entities = ["subject", "screening", "visit", "adverse_event", "subject_note"];
    const raw = JSON.stringify(await selectHistory(db, entities, ids, { viewer: sponsor }));
    expect(leaked(raw)).toEqual([]);
    expect(raw).toContain('"dob":[null,"1963"]');
    const staff = JSON.stringify(await selectHistory(db, entities, ids, { viewer: r.coordA }));
    expect(staff).toContain(DOB);
    expect(staff).toContain("WITHDRAWREASON-heron");
  });

  it("refuses the coordinator dashboard to a sponsor", async () => {
    await expect(getCoordinatorDashboard(sponsor, now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a study not granted to the sponsor: its records are not found, and absent from every list", async () => {
    await expect(getSubject(sponsor, f.subjectB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSubjectTimeline(sponsor, f.subjectB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVisit(sponsor, r.foreign.visitId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listVisitHistory(sponsor, r.foreign.visitId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAdverseEvent(sponsor, r.foreign.aeId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudyOverview(sponsor, f.studyB.id)).rejects.toBeInstanceOf(NotFoundError);

    const json = JSON.stringify(await everyList(sponsor));
    expect([f.studyB.id, f.subjectB.id, r.foreign.visitId, r.foreign.aeId, "B-01", "B-001", "Rash"].filter((id) => json.includes(id))).toEqual([]);
    expect((await listSponsorStudies(sponsor)).map((s) => s.id)).toEqual([f.studyA.id]);
  });

  it("a revoked or empty grant sees nothing: lists are empty and records not found", async () => {
    const none: Actor = { ...sponsor, sponsorStudyIds: [] };
    expect((await listSubjects(none, parseSubjectList({}))).rows).toEqual([]);
    expect((await listAdverseEvents(none, parseList({}, aeListSpec))).rows).toEqual([]);
    expect(await listSponsorStudies(none)).toEqual([]);
    await expect(getSubject(none, r.subject.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudyOverview(none, f.studyA.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
