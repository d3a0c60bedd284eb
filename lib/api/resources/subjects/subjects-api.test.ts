import { describe, expect, it } from "vitest";
import { subjects } from "@/db/schema";
import { countRows } from "@/tests/fixtures-screening";
import { withTwoSites } from "@/tests/fixtures";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";

const f = withTwoSites();

describe("REST /subjects", () => {
  it("lists only the caller's site, with embeds from the same query", async () => {
    const api = await clientFor(f.users.coordA.id);
    const { data, response } = await api.GET("/api/v1/subjects", { params: { query: { include: "study,coordinator" } } });
    expect(response.status).toBe(200);
    expect(data!.data.map((s) => s.subjectId)).toEqual(["A-01"]);
    expect(data!.data[0]!.fullName).toBe("Alice Anders");
    expect(data!.data[0]!.study?.protocolId).toBe("A-001");
    expect(data!.data[0]!.coordinator?.username).toBe("coord_a");
    expect(data!.nextCursor).toBeNull();
  });

  it("answers 404 for another site's subject and 401 without a token", async () => {
    const api = await clientFor(f.users.coordA.id);
    const foreign = await api.GET("/api/v1/subjects/{id}", { params: { path: { id: f.subjectB.id } } });
    expect(foreign.response.status).toBe(404);
    expect(foreign.response.headers.get("content-type")).toBe("application/problem+json");
    const anonymous = await apiClient().GET("/api/v1/subjects", {});
    expect(anonymous.response.status).toBe(401);
  });

  it("de-identifies subjects for a sponsor in the data itself", async () => {
    const api = await clientFor(f.users.sponsor.id);
    const { data } = await api.GET("/api/v1/subjects", {});
    expect(data!.data).toHaveLength(1);
    expect(data!.data[0]).toMatchObject({ subjectId: "A-01", fullName: null, dob: "1970" });
    expect(JSON.stringify(data)).not.toContain("Alice");
  });

  it("creates, edits with a version and a reason, and refuses a stale version with the current record", async () => {
    const api = await clientFor(f.users.coordA.id);
    const created = await api.POST("/api/v1/subjects", {
      body: { studyId: f.studyA.id, subjectId: "A-02", fullName: "<b>Ann</b>'; drop table subjects;--", coordinatorId: f.users.coordA.id, dob: "1990-02-03", sexAtBirth: "female", consentSignedAt: null },
    });
    expect(created.response.status).toBe(201);
    expect(created.data!.fullName).toBe("<b>Ann</b>'; drop table subjects;--");
    const id = created.data!.id;
    const edited = await api.PATCH("/api/v1/subjects/{id}", { params: { path: { id } }, body: { version: 1, fullName: "Ann Other", reason: "Typo" } });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({ fullName: "Ann Other", version: 2, dob: "1990-02-03" });
    const stale = await api.PATCH("/api/v1/subjects/{id}", { params: { path: { id } }, body: { version: 1, fullName: "Lost", reason: "x" } });
    expect(stale.response.status).toBe(409);
    expect((stale.error as { current: { fullName: string; version: number } }).current).toMatchObject({ fullName: "Ann Other", version: 2 });
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const token = await tokenFor(f.users.coordA.id);
    const before = await countRows(subjects);
    const wrongTypes = await rawCall("POST", "/subjects", { token, body: JSON.stringify({ studyId: 5, subjectId: ["x"], fullName: "a".repeat(5000), dob: "2023-02-30", sexAtBirth: "x", coordinatorId: f.users.coordA.id, extra: 1 }) });
    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.type).toBe("application/problem+json");
    const pointers = (wrongTypes.body!.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["#/studyId", "#/subjectId", "#/fullName", "#/sexAtBirth"]));
    expect((await rawCall("POST", "/subjects", { token, body: "{not json" })).status).toBe(400);
    expect((await rawCall("POST", "/subjects", { token, body: "a=b", contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await rawCall("GET", "/subjects?limit=500", { token })).status).toBe(400);
    expect((await rawCall("GET", "/subjects?bogus=1", { token })).status).toBe(400);
    expect((await rawCall("GET", "/subjects?cursor=zzz", { token })).status).toBe(400);
    expect(await countRows(subjects)).toBe(before);
  });

  it("serves a subject's timeline in one request, site-scoped and de-identified for sponsors", async () => {
    const coordinator = await clientFor(f.users.coordA.id);
    const own = await coordinator.GET("/api/v1/subjects/{id}/timeline", { params: { path: { id: f.subjectA.id } } });
    expect(own.response.status).toBe(200);
    expect(own.data!.subject.fullName).toBe("Alice Anders");
    expect(Array.isArray(own.data!.entries)).toBe(true);
    const foreign = await coordinator.GET("/api/v1/subjects/{id}/timeline", { params: { path: { id: f.subjectB.id } } });
    expect(foreign.response.status).toBe(404);
    const sponsor = await clientFor(f.users.sponsor.id);
    const deidentified = await sponsor.GET("/api/v1/subjects/{id}/timeline", { params: { path: { id: f.subjectA.id } } });
    expect(deidentified.response.status).toBe(200);
    expect(JSON.stringify(deidentified.data)).not.toContain("Alice");
  });

  it("reads a record the same in a list (JSON built by the database) and on its own", async () => {
    for (const user of [f.users.coordA, f.users.sponsor]) {
      const api = await clientFor(user.id);
      const list = await api.GET("/api/v1/subjects", { params: { query: { include: "study,coordinator", studyId: f.studyA.id } } });
      for (const item of list.data!.data) {
        const one = await api.GET("/api/v1/subjects/{id}", { params: { path: { id: item.id }, query: { include: "study,coordinator" } } });
        expect(item).toEqual(one.data);
      }
    }
  });
});
