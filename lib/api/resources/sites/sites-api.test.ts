/** /api/v1/sites and the GraphQL site mutations: administrators only, through lib/admin/sites. */
import { beforeAll, describe, expect, it } from "vitest";
import { adminCounts } from "@/tests/fixtures-admin";
import { withTwoSites } from "@/tests/fixtures";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";
import { expectAdminOnly } from "@/tests/api/admin-checks";
import { mutate, send } from "@/tests/api/both-transports";
import { auditOf } from "@/tests/fixtures-safety";

const f = withTwoSites();
let admin: string;
beforeAll(async () => {
  admin = await tokenFor(f.users.admin.id);
});

const SITE_FIELDS = ["id", "version", "createdAt", "updatedAt", "name", "timezone", "studyCount", "staffCount"];

describe("REST /sites", () => {
  it("lists and reads sites with their counts, creates one, edits only what is sent, and refuses a stale version", async () => {
    const api = await clientFor(f.users.admin.id);
    const list = await api.GET("/api/v1/sites", {});
    expect(list.response.status).toBe(200);
    expect(list.data!.data.map((s) => s.name)).toEqual(["Site A", "Site B"]);
    expect(list.data!.data[0]).toMatchObject({ id: f.siteA.id, timezone: "America/New_York", studyCount: 1, staffCount: 2, version: 1 });
    expect(Object.keys(list.data!.data[0]!).sort()).toEqual([...SITE_FIELDS].sort());
    const one = await api.GET("/api/v1/sites/{id}", { params: { path: { id: f.siteA.id } } });
    expect(one.data).toEqual(list.data!.data[0]);
    const paged = await api.GET("/api/v1/sites", { params: { query: { limit: 1, order: "-name" } } });
    expect(paged.data!.data.map((s) => s.name)).toEqual(["Site B"]);
    const rest = await api.GET("/api/v1/sites", { params: { query: { limit: 1, order: "-name", cursor: paged.data!.nextCursor! } } });
    expect(rest.data!.data.map((s) => s.name)).toEqual(["Site A"]);

    const created = await api.POST("/api/v1/sites", { body: { name: "Site C", timezone: "Asia/Tokyo" } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ name: "Site C", timezone: "Asia/Tokyo", version: 1, studyCount: 0, staffCount: 0 });
    const id = created.data!.id;
    const renamed = await api.PATCH("/api/v1/sites/{id}", { params: { path: { id } }, body: { version: 1, name: "Site C North" } });
    expect(renamed.response.status).toBe(200);
    expect(renamed.data).toMatchObject({ name: "Site C North", timezone: "Asia/Tokyo", version: 2 });
    const stale = await send("PATCH", `/sites/${id}`, admin, { version: 1, timezone: "UTC" });
    expect(stale.status).toBe(409);
    expect(stale.type).toBe("application/problem+json");
    expect(stale.body!.current).toEqual(renamed.data);

    const audit = await auditOf("site", id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["create", f.users.admin.id],
      ["update", f.users.admin.id],
    ]);
    expect(audit[1]!.changes).toEqual({ name: ["Site C", "Site C North"] });
  });

  it("refuses everyone but administrators with 403, reading and writing nothing", async () => {
    await expectAdminOnly(f, (token, username) => [
      send("GET", "/sites", token),
      send("GET", `/sites/${f.siteA.id}`, token),
      send("POST", "/sites", token, { name: `By ${username}`, timezone: "UTC" }),
      send("PATCH", `/sites/${f.siteA.id}`, token, { version: 1, name: "Taken over" }),
    ]);
    expect((await apiClient().GET("/api/v1/sites", {})).response.status).toBe(401);
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const before = await adminCounts();
    const wrong = await send("POST", "/sites", admin, { name: 7, timezone: "Mars/Olympus", extra: 1 });
    expect(wrong.status).toBe(422);
    expect(wrong.type).toBe("application/problem+json");
    expect((wrong.body!.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(expect.arrayContaining(["#/name", "#/timezone"]));
    const taken = await send("POST", "/sites", admin, { name: "site a", timezone: "UTC" });
    expect(taken.status).toBe(422);
    expect(taken.body!.errors).toEqual([{ pointer: "#/name", detail: "Another site already has this name." }]);
    expect((await send("POST", "/sites", admin, { name: " ", timezone: "UTC" })).status).toBe(422);
    expect((await rawCall("POST", "/sites", { token: admin, body: "{" })).status).toBe(400);
    expect((await send("PATCH", `/sites/${f.siteA.id}`, admin, { version: "1", name: "x" })).status).toBe(422);
    expect((await send("PATCH", `/sites/${f.siteA.id}`, admin, { version: 1, createdAt: "2024-01-01T00:00:00Z" })).status).toBe(422);
    expect((await send("PATCH", `/sites/${f.siteA.id}`, admin, { version: 1, name: "Site B" })).status).toBe(422);
    expect((await send("PATCH", "/sites/nope", admin, { version: 1, name: "x" })).status).toBe(404);
    expect((await send("GET", "/sites/00000000-0000-4000-8000-000000000000", admin)).status).toBe(404);
    for (const query of ["order=timezone", "include=studies", "limit=0", "bogus=1"]) expect((await send("GET", `/sites?${query}`, admin)).status, query).toBe(400);
    expect(await adminCounts()).toEqual(before);
  });
});

describe("GraphQL site mutations", () => {
  it("create and update sites as REST does, with the same answers and refusals", async () => {
    const created = await mutate(admin, "createSite", { input: { name: "Site G", timezone: "Europe/Paris" } }, SITE_FIELDS);
    expect(created.errors).toEqual([]);
    const id = created.answer!.id as string;
    expect(created.answer).toEqual((await send("GET", `/sites/${id}`, admin)).body);
    const updated = await mutate(admin, "updateSite", { id, input: { version: 1, timezone: "Europe/Berlin" } }, SITE_FIELDS);
    expect(updated.answer).toMatchObject({ name: "Site G", timezone: "Europe/Berlin", version: 2 });
    expect(updated.answer).toEqual((await send("GET", `/sites/${id}`, admin)).body);
    expect((await auditOf("site", id)).map((a) => a.action)).toEqual(["create", "update"]);

    const stale = await mutate(admin, "updateSite", { id, input: { version: 1, name: "Lost" } });
    expect(stale.codes).toEqual(["CONFLICT"]);
    expect(stale.errors[0]!.extensions!.current).toMatchObject({ id, version: 2, name: "Site G" });
    const coord = await tokenFor(f.users.coordA.id);
    expect((await mutate(coord, "createSite", { input: { name: "Coord site", timezone: "UTC" } })).codes).toEqual(["FORBIDDEN"]);
    expect((await mutate(admin, "createSite", { input: { name: "", timezone: "Nowhere" } })).codes).toEqual(["BAD_USER_INPUT"]);
  });
});
