/**
 * POST /api/v1/studies/{id}/sponsor-access (and …/revoke) and the GraphQL grant mutations:
 * administrators only, through lib/admin/sponsor-access; the sponsor's next request reads the change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { adminCounts } from "@/tests/fixtures-admin";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { clientFor, tokenFor } from "@/tests/api/client";
import { expectAdminOnly } from "@/tests/api/admin-checks";
import { mutate, send } from "@/tests/api/both-transports";
import { auditOf } from "@/tests/fixtures-safety";

const f = withTwoSites();
let admin: string;
beforeAll(async () => {
  admin = await tokenFor(f.users.admin.id);
});

const GRANT_FIELDS = ["studyId", "userId", "grantedById", "grantedAt", "revokedAt"];

describe("REST sponsor access", () => {
  it("grants, revokes and re-grants a sponsor's access to a study, each audited; the sponsor's reads follow at once", async () => {
    const monitor = await makeUser("monitor_rest", "sponsor", null);
    const sponsor = await tokenFor(monitor.id);
    const readStudyB = async () => (await send("GET", `/studies/${f.studyB.id}`, sponsor)).status;
    expect(await readStudyB()).toBe(404);
    const api = await clientFor(f.users.admin.id);

    const granted = await api.POST("/api/v1/studies/{id}/sponsor-access", { params: { path: { id: f.studyB.id } }, body: { userId: monitor.id } });
    expect(granted.response.status).toBe(201);
    expect(granted.data).toMatchObject({ studyId: f.studyB.id, userId: monitor.id, grantedById: f.users.admin.id, revokedAt: null });
    expect(Object.keys(granted.data!).sort()).toEqual([...GRANT_FIELDS].sort());
    expect(await readStudyB()).toBe(200);
    expect((await send("POST", `/studies/${f.studyB.id}/sponsor-access`, admin, { userId: monitor.id })).status).toBe(422); // already granted

    const revoked = await api.POST("/api/v1/studies/{id}/sponsor-access/revoke", { params: { path: { id: f.studyB.id } }, body: { userId: monitor.id } });
    expect(revoked.response.status).toBe(200);
    expect(revoked.data).toMatchObject({ studyId: f.studyB.id, userId: monitor.id, grantedAt: granted.data!.grantedAt });
    expect(revoked.data!.revokedAt).not.toBeNull();
    expect(await readStudyB()).toBe(404);
    expect((await send("POST", `/studies/${f.studyB.id}/sponsor-access/revoke`, admin, { userId: monitor.id })).status).toBe(422); // already revoked

    const regranted = await send("POST", `/studies/${f.studyB.id}/sponsor-access`, admin, { userId: monitor.id });
    expect(regranted.status).toBe(201);
    expect(regranted.body).toMatchObject({ revokedAt: null });
    expect(await readStudyB()).toBe(200);

    const audit = await auditOf("study_sponsor_access", monitor.id);
    expect(audit.map((a) => [a.action, a.siteId, a.actorId])).toEqual([
      ["grant", f.siteB.id, f.users.admin.id],
      ["revoke", f.siteB.id, f.users.admin.id],
      ["grant", f.siteB.id, f.users.admin.id],
    ]);
  });

  it("refuses everyone but administrators with 403, writing nothing", async () => {
    const monitor = await makeUser("monitor_refused", "sponsor", null);
    await expectAdminOnly(f, (token) => [
      send("POST", `/studies/${f.studyA.id}/sponsor-access`, token, { userId: monitor.id }),
      send("POST", `/studies/${f.studyA.id}/sponsor-access/revoke`, token, { userId: f.users.sponsor.id }),
    ]);
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const disabled = await makeUser("monitor_disabled", "sponsor", null, "disabled");
    const before = await adminCounts();
    const grant = (studyId: string, body: unknown) => send("POST", `/studies/${studyId}/sponsor-access`, admin, body);
    const notSponsor = await grant(f.studyA.id, { userId: f.users.coordA.id });
    expect(notSponsor.status).toBe(422);
    expect(notSponsor.type).toBe("application/problem+json");
    expect(notSponsor.body!.errors).toEqual([{ pointer: "#/userId", detail: "Choose an active sponsor account." }]);
    expect((await grant(f.studyA.id, { userId: disabled.id })).status).toBe(422);
    expect((await grant(f.studyA.id, { userId: "someone" })).status).toBe(422);
    expect((await grant(f.studyA.id, {})).status).toBe(422);
    expect((await grant(f.studyA.id, { userId: disabled.id, studyId: f.studyB.id })).status).toBe(422);
    expect((await grant("00000000-0000-4000-8000-000000000000", { userId: f.users.sponsor.id })).status).toBe(404);
    expect((await grant("not-a-study", { userId: f.users.sponsor.id })).status).toBe(404);
    expect((await send("POST", `/studies/${f.studyB.id}/sponsor-access/revoke`, admin, { userId: disabled.id })).status).toBe(404); // no such grant
    expect(await adminCounts()).toEqual(before);
  });
});

describe("GraphQL sponsor access mutations", () => {
  it("grant and revoke as REST does, with the same answers and refusals", async () => {
    const monitor = await makeUser("monitor_gql", "sponsor", null);
    const granted = await mutate(admin, "grantSponsorAccess", { id: f.studyA.id, input: { userId: monitor.id } }, GRANT_FIELDS);
    expect(granted.errors).toEqual([]);
    expect(granted.answer).toMatchObject({ studyId: f.studyA.id, userId: monitor.id, grantedById: f.users.admin.id, revokedAt: null });
    const revoked = await mutate(admin, "revokeSponsorAccess", { id: f.studyA.id, input: { userId: monitor.id } }, GRANT_FIELDS);
    expect(revoked.answer).toMatchObject({ grantedAt: granted.answer!.grantedAt });
    expect(revoked.answer!.revokedAt).not.toBeNull();
    // REST answers a re-grant with the same shape, field for field.
    const viaRest = await send("POST", `/studies/${f.studyA.id}/sponsor-access`, admin, { userId: monitor.id });
    expect(Object.keys(viaRest.body!).sort()).toEqual(Object.keys(granted.answer!).sort());
    expect((await auditOf("study_sponsor_access", monitor.id)).map((a) => a.action)).toEqual(["grant", "revoke", "grant"]);

    const coord = await tokenFor(f.users.coordA.id);
    expect((await mutate(coord, "grantSponsorAccess", { id: f.studyA.id, input: { userId: monitor.id } }, GRANT_FIELDS)).codes).toEqual(["FORBIDDEN"]);
    expect((await mutate(admin, "grantSponsorAccess", { id: f.studyA.id, input: { userId: f.users.invA.id } }, GRANT_FIELDS)).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await mutate(admin, "revokeSponsorAccess", { id: f.studyB.id, input: { userId: monitor.id } }, GRANT_FIELDS)).codes).toEqual(["NOT_FOUND"]);
  });
});
