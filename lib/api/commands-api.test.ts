/**
 * Every lib write has a REST operation and a GraphQL mutation that run the same lib call: the
 * safety review (assess, e-sign, sponsor notified), eligibility sign-off, visit detail edits,
 * the subject's exits and retiring. Each is exercised on both transports here.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { adverseEvents, auditEvents, eSignatures, screenings, subjects } from "@/db/schema";
import { rawCall, tokenFor } from "@/tests/api/client";
import { withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { makeVisit } from "@/tests/fixtures-visits";
import { gql } from "../graphql/test-client";
import { apiRoutes } from "./routes";
import { buildSchema } from "../graphql/schema";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let inv: string;
let coord: string;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
  inv = await tokenFor(f.users.invA.id);
  coord = await tokenFor(f.users.coordA.id);
});

const post = (path: string, token: string, body: unknown) => rawCall("POST", path, { token, body: JSON.stringify(body) });
const patch = (path: string, token: string, body: unknown) => rawCall("PATCH", path, { token, body: JSON.stringify(body) });
const assessment = { causality: "possible", expectedness: "unexpected", grade: 2, outcome: "recovering" };

describe("every write on both transports", () => {
  it("REST and GraphQL offer the same write operations", () => {
    const rest = apiRoutes
      .filter((r) => r.method === "POST" || r.method === "PATCH")
      .map((r) => r.operationId)
      .filter((id) => id !== "createSession");
    const mutations = Object.keys(buildSchema().getMutationType()!.getFields());
    expect(mutations.sort()).toEqual(rest.sort());
    expect(mutations).toEqual(
      expect.arrayContaining(["assessAdverseEvent", "signAdverseEvent", "markSponsorNotified", "signEligibility", "retireVisit", "retireSubject", "retireScreening", "retireAdverseEvent", "retireSubjectNote"]),
    );
    // The administration writes and personal tokens (each resource's own *-api.test.ts runs them on both transports).
    expect(mutations).toEqual(
      expect.arrayContaining([
        ...["createSite", "updateSite", "assignUserRole", "setUserStatus", "resetUserPassword"],
        ...["createScheduleItem", "updateScheduleItem", "retireScheduleItem", "grantSponsorAccess", "revokeSponsorAccess"],
        ...["createPersonalToken", "revokePersonalToken"],
      ]),
    );
  });

  it("assesses, signs and records the sponsor notification of an AE over REST", async () => {
    const ae = await insertAe(f, { serious: true, seriousnessCriteria: ["hospitalization"] });
    const assessed = await post(`/adverse-events/${ae.id}/assessment`, inv, { version: 1, ...assessment });
    expect(assessed.status).toBe(200);
    expect(assessed.body).toMatchObject({ id: ae.id, causality: "possible", grade: 2, version: 2 });
    // A coordinator may not sign; a wrong password signs nothing; the right one signs the version seen.
    expect((await post(`/adverse-events/${ae.id}/signature`, coord, { version: 2, username: "inv_a", password: FIXTURE_PASSWORD })).status).toBe(403);
    const wrong = await post(`/adverse-events/${ae.id}/signature`, inv, { version: 2, username: "inv_a", password: "not-it" });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).not.toContain("not-it");
    const signed = await post(`/adverse-events/${ae.id}/signature`, inv, { version: 2, username: "inv_a", password: FIXTURE_PASSWORD });
    expect(signed.status).toBe(201);
    const db = await getDb();
    expect(await db.select().from(eSignatures).where(eq(eSignatures.entityId, ae.id))).toHaveLength(1);
    const notified = await post(`/adverse-events/${ae.id}/sponsor-notification`, coord, { version: 2 });
    expect(notified.status).toBe(200);
    expect((notified.body as { sponsorNotifiedAt: string | null }).sponsorNotifiedAt).not.toBeNull();
    const stale = await post(`/adverse-events/${ae.id}/assessment`, inv, { version: 1, ...assessment, reason: "again" });
    expect(stale.status).toBe(409);
    expect((stale.body as { current: { version: number } }).current.version).toBe(3);
  });

  it("assesses and signs an AE over GraphQL, through the same lib calls", async () => {
    const ae = await insertAe(f);
    const assessed = await gql<{ assessAdverseEvent: { id: string; causality: string; version: number } }>(
      inv,
      `mutation($id: ID!, $input: AssessAdverseEventInput!) { assessAdverseEvent(id: $id, input: $input) { id causality version } }`,
      { id: ae.id, input: { version: 1, ...assessment } },
    );
    expect(assessed.errors).toEqual([]);
    expect(assessed.data!.assessAdverseEvent).toMatchObject({ id: ae.id, causality: "possible", version: 2 });
    const signed = await gql(inv, `mutation($id: ID!, $input: SignAdverseEventInput!) { signAdverseEvent(id: $id, input: $input) { id } }`, {
      id: ae.id,
      input: { version: 2, username: "inv_a", password: FIXTURE_PASSWORD },
    });
    expect(signed.errors).toEqual([]);
    const denied = await gql(coord, `mutation($id: ID!, $input: AssessAdverseEventInput!) { assessAdverseEvent(id: $id, input: $input) { id } }`, {
      id: ae.id,
      input: { version: 2, ...assessment, reason: "x" },
    });
    expect(denied.codes).toEqual(["FORBIDDEN"]);
  });

  it("signs eligibility of a passed screening over REST", async () => {
    const subject = await addSubject(f, "A", { screeningStatus: "passed" });
    const screening = await addScreening(subject, f.users.coordA.id, { screeningStatus: "passed" });
    const signed = await post(`/screenings/${screening.id}/eligibility-signature`, inv, { version: screening.version, username: "inv_a", password: FIXTURE_PASSWORD });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ id: screening.id });
    const db = await getDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, screening.id));
    expect(audit).toMatchObject({ entity: "screening", action: "sign" });
  });

  it("edits a visit's location, coordinator and type, with a reason, over REST and GraphQL", async () => {
    const visit = await makeVisit(f, { scheduledAt: new Date(Date.now() + 3 * 86_400_000) });
    const edited = await patch(`/visits/${visit.id}`, coord, { version: 1, location: "Room 12", coordinatorId: f.users.invA.id, reason: "Room change" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ location: "Room 12", coordinatorId: f.users.invA.id, version: 2 });
    const foreignCoordinator = await patch(`/visits/${visit.id}`, coord, { version: 2, coordinatorId: f.users.coordB.id, reason: "x" });
    expect(foreignCoordinator.status).toBe(422);
    const typed = await gql<{ updateVisit: { visitType: string } }>(
      coord,
      `mutation($id: ID!, $input: UpdateVisitInput!) { updateVisit(id: $id, input: $input) { visitType } }`,
      { id: visit.id, input: { version: 2, visitType: "follow_up", reason: "Booked as the wrong type" } },
    );
    expect(typed.errors).toEqual([]);
    expect(typed.data!.updateVisit.visitType).toBe("follow_up");
    const noReason = await patch(`/visits/${visit.id}`, coord, { version: 3, location: "Room 1" });
    expect(noReason.status).toBe(422);
  });

  it("completes a subject and marks one lost to follow-up through PATCH", async () => {
    const a = await addSubject(f, "A", { screeningStatus: "passed", status: "enrolled", enrolledAt: new Date("2025-01-01T12:00:00Z") });
    const completed = await patch(`/subjects/${a.id}`, coord, { version: 1, status: "completed", reason: "All visits done" });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: "completed", version: 2 });
    const b = await addSubject(f, "A", { screeningStatus: "passed", status: "enrolled", enrolledAt: new Date("2025-01-01T12:00:00Z") });
    const lost = await gql<{ updateSubject: { status: string } }>(
      coord,
      `mutation($id: ID!, $input: UpdateSubjectInput!) { updateSubject(id: $id, input: $input) { status } }`,
      { id: b.id, input: { version: 1, status: "lost_to_follow_up", exitDate: "2025-03-01", reason: "No answer to three calls" } },
    );
    expect(lost.errors).toEqual([]);
    const db = await getDb();
    expect((await db.select().from(subjects).where(eq(subjects.id, b.id)))[0]).toMatchObject({ status: "lost_to_follow_up", exitDate: "2025-03-01" });
  });

  it("retires records with a reason over REST and GraphQL; a retired record is gone from lists and reads", async () => {
    const ae = await insertAe(f);
    const retired = await post(`/adverse-events/${ae.id}/retire`, coord, { version: 1, reason: "Duplicate entry" });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ id: ae.id, version: 2, retireReason: "Duplicate entry", retiredById: f.users.coordA.id });
    // Out of reads once retired: kept in the table, with who, when and why.
    expect((await rawCall("GET", `/adverse-events/${ae.id}`, { token: coord })).status).toBe(404);
    const db = await getDb();
    expect((await db.select().from(adverseEvents).where(eq(adverseEvents.id, ae.id)))[0]).toMatchObject({ retireReason: "Duplicate entry", retiredById: f.users.coordA.id });
    expect((await post(`/adverse-events/${ae.id}/retire`, coord, { version: 2, reason: "again" })).status).toBe(404);
    const subject = await addSubject(f, "A");
    const screening = await addScreening(subject, f.users.coordA.id, { screeningStatus: "pending" });
    const viaGql = await gql<{ retireScreening: { id: string; retireReason: string } }>(
      coord,
      `mutation($id: ID!, $input: RetireScreeningInput!) { retireScreening(id: $id, input: $input) { id retireReason } }`,
      { id: screening.id, input: { version: 1, reason: "Entered on the wrong subject" } },
    );
    expect(viaGql.errors).toEqual([]);
    expect(viaGql.data!.retireScreening).toEqual({ id: screening.id, retireReason: "Entered on the wrong subject" });
    expect((await db.select().from(screenings).where(eq(screenings.id, screening.id)))[0]!.retiredAt).not.toBeNull();
    expect((await post(`/visits/not-a-uuid/retire`, coord, { version: 1, reason: "x" })).status).toBe(404);
    expect((await post(`/subjects/${f.subjectB.id}/retire`, coord, { version: 1, reason: "x" })).status).toBe(404);
  });
});
