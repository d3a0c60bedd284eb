/** /api/v1/schedule-items and the GraphQL schedule mutations: administrators only, through lib/admin/schedule. */
import { beforeAll, describe, expect, it } from "vitest";
import { adminCounts } from "@/tests/fixtures-admin";
import { withTwoSites } from "@/tests/fixtures";
import { clientFor, tokenFor } from "@/tests/api/client";
import { expectAdminOnly } from "@/tests/api/admin-checks";
import { mutate, send } from "@/tests/api/both-transports";
import { auditOf } from "@/tests/fixtures-safety";

const f = withTwoSites();
let admin: string;
beforeAll(async () => {
  admin = await tokenFor(f.users.admin.id);
});

const ITEM_FIELDS = ["id", "version", "createdAt", "updatedAt", "studyId", "code", "name", "visitType", "dayOffset", "windowBefore", "windowAfter", "sortOrder", "retiredAt", "retireReason", "retiredById"];
const item = (studyId: string, overrides: Record<string, unknown> = {}) => ({
  studyId,
  code: "V1",
  name: "Visit 1",
  visitType: "treatment" as const,
  dayOffset: 7,
  windowBefore: 2,
  windowAfter: 3,
  sortOrder: 1,
  ...overrides,
});

describe("REST /schedule-items", () => {
  it("adds, lists, reads, edits only what is sent, and retires planned visits; each audited, a stale version 409", async () => {
    const api = await clientFor(f.users.admin.id);
    const baseline = await api.POST("/api/v1/schedule-items", { body: item(f.studyA.id, { code: "BL", name: "Baseline", visitType: "baseline", dayOffset: 0, sortOrder: 1 }) });
    expect(baseline.response.status).toBe(201);
    expect(baseline.data).toMatchObject({ studyId: f.studyA.id, code: "BL", dayOffset: 0, version: 1, retiredAt: null });
    expect(Object.keys(baseline.data!).sort()).toEqual([...ITEM_FIELDS].sort());
    const week = await api.POST("/api/v1/schedule-items", { body: item(f.studyA.id, { code: "W1", sortOrder: 2 }) });
    await api.POST("/api/v1/schedule-items", { body: item(f.studyB.id, { code: "B-W1" }) });
    const id = week.data!.id;

    const list = await api.GET("/api/v1/schedule-items", { params: { query: { studyId: f.studyA.id } } });
    expect(list.data!.data.map((i) => i.code)).toEqual(["BL", "W1"]);
    const descending = await api.GET("/api/v1/schedule-items", { params: { query: { studyId: f.studyA.id, order: "-sortOrder", limit: 1 } } });
    expect(descending.data!.data.map((i) => i.code)).toEqual(["W1"]);
    const next = await api.GET("/api/v1/schedule-items", { params: { query: { studyId: f.studyA.id, order: "-sortOrder", limit: 1, cursor: descending.data!.nextCursor! } } });
    expect(next.data!.data.map((i) => i.code)).toEqual(["BL"]);
    expect((await api.GET("/api/v1/schedule-items/{id}", { params: { path: { id } } })).data).toEqual(list.data!.data[1]);

    const edited = await api.PATCH("/api/v1/schedule-items/{id}", { params: { path: { id } }, body: { version: 1, name: "Week 1", windowAfter: 5 } });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({ code: "W1", name: "Week 1", dayOffset: 7, windowBefore: 2, windowAfter: 5, version: 2 });
    const stale = await send("PATCH", `/schedule-items/${id}`, admin, { version: 1, name: "Lost" });
    expect(stale.status).toBe(409);
    expect(stale.type).toBe("application/problem+json");
    expect(stale.body!.current).toEqual(edited.data);

    const retired = await api.POST("/api/v1/schedule-items/{id}/retire", { params: { path: { id } }, body: { version: 2, reason: "Protocol amendment 2" } });
    expect(retired.response.status).toBe(200);
    expect(retired.data).toMatchObject({ id, version: 3, retireReason: "Protocol amendment 2", retiredById: f.users.admin.id });
    expect(retired.data!.retiredAt).not.toBeNull();
    // Still listed and readable (visits planned from it point at it), marked retired.
    expect((await api.GET("/api/v1/schedule-items/{id}", { params: { path: { id } } })).data).toEqual(retired.data);
    expect((await send("POST", `/schedule-items/${id}/retire`, admin, { version: 3, reason: "again" })).status).toBe(422);
    expect((await send("PATCH", `/schedule-items/${id}`, admin, { version: 3, name: "Back" })).status).toBe(422);
    expect((await send("POST", `/schedule-items/${id}/retire`, admin, { version: 2, reason: "stale" })).status).toBe(409);

    const audit = await auditOf("visit_schedule_item", id);
    expect(audit.map((a) => [a.action, a.siteId])).toEqual([
      ["create", f.siteA.id],
      ["update", f.siteA.id],
      ["retire", f.siteA.id],
    ]);
    expect(audit[1]!.changes).toEqual({ name: ["Visit 1", "Week 1"], windowAfter: [3, 5] });
    expect(audit[2]!.reason).toBe("Protocol amendment 2");
  });

  it("refuses everyone but administrators with 403, reading and writing nothing", async () => {
    const id = (await send("POST", "/schedule-items", admin, item(f.studyA.id, { code: "R1" }))).body!.id as string;
    await expectAdminOnly(f, (token) => [
      send("GET", "/schedule-items", token),
      send("GET", `/schedule-items/${id}`, token),
      send("POST", "/schedule-items", token, item(f.studyA.id, { code: "X9" })),
      send("PATCH", `/schedule-items/${id}`, token, { version: 1, name: "x" }),
      send("POST", `/schedule-items/${id}/retire`, token, { version: 1, reason: "x" }),
    ]);
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const id = (await send("POST", "/schedule-items", admin, item(f.studyA.id, { code: "BAD0" }))).body!.id as string;
    const before = await adminCounts();
    const wrong = await send("POST", "/schedule-items", admin, { studyId: f.studyA.id, code: "a b", name: "", visitType: "party", dayOffset: 1.5, windowBefore: -1, sortOrder: 0, extra: 1 });
    expect(wrong.status).toBe(422);
    expect(wrong.type).toBe("application/problem+json");
    expect((wrong.body!.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(
      expect.arrayContaining(["#/code", "#/name", "#/visitType", "#/dayOffset", "#/windowBefore", "#/sortOrder"]),
    );
    const taken = await send("POST", "/schedule-items", admin, item(f.studyA.id, { code: "BAD0" }));
    expect(taken.status).toBe(422);
    expect(taken.body!.errors).toEqual([{ pointer: "#/code", detail: "This study already has a visit with this code." }]);
    expect((await send("POST", "/schedule-items", admin, item("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await send("PATCH", `/schedule-items/${id}`, admin, { version: 1, dayOffset: "soon" })).status).toBe(422);
    expect((await send("PATCH", `/schedule-items/${id}`, admin, { version: 1, studyId: f.studyB.id })).status).toBe(422);
    expect((await send("PATCH", `/schedule-items/${id}`, admin, { name: "No version" })).status).toBe(422);
    expect((await send("POST", `/schedule-items/${id}/retire`, admin, { version: 1 })).status).toBe(422);
    expect((await send("PATCH", "/schedule-items/nope", admin, { version: 1, name: "x" })).status).toBe(404);
    for (const query of ["studyId=x", "order=name", "include=study", "limit=500"]) expect((await send("GET", `/schedule-items?${query}`, admin)).status, query).toBe(400);
    expect(await adminCounts()).toEqual(before);
  });
});

describe("GraphQL schedule mutations", () => {
  it("add, edit and retire as REST does, with the same answers and refusals", async () => {
    const created = await mutate(admin, "createScheduleItem", { input: item(f.studyB.id, { code: "G1" }) }, ITEM_FIELDS);
    expect(created.errors).toEqual([]);
    const id = created.answer!.id as string;
    expect(created.answer).toEqual((await send("GET", `/schedule-items/${id}`, admin)).body);
    const edited = await mutate(admin, "updateScheduleItem", { id, input: { version: 1, dayOffset: 14 } }, ITEM_FIELDS);
    expect(edited.answer).toMatchObject({ code: "G1", dayOffset: 14, version: 2 });
    expect(edited.answer).toEqual((await send("GET", `/schedule-items/${id}`, admin)).body);
    const retired = await mutate(admin, "retireScheduleItem", { id, input: { version: 2, reason: "Dropped" } }, ITEM_FIELDS);
    expect(retired.answer).toMatchObject({ retireReason: "Dropped", version: 3 });
    expect(retired.answer).toEqual((await send("GET", `/schedule-items/${id}`, admin)).body);
    expect((await auditOf("visit_schedule_item", id)).map((a) => [a.action, a.siteId])).toEqual([
      ["create", f.siteB.id],
      ["update", f.siteB.id],
      ["retire", f.siteB.id],
    ]);

    const stale = await mutate(admin, "updateScheduleItem", { id, input: { version: 1, name: "Lost" } });
    expect(stale.codes).toEqual(["CONFLICT"]);
    expect(stale.errors[0]!.extensions!.current).toMatchObject({ id, version: 3 });
    const inv = await tokenFor(f.users.invA.id);
    expect((await mutate(inv, "createScheduleItem", { input: item(f.studyA.id, { code: "INV" }) })).codes).toEqual(["FORBIDDEN"]);
    expect((await mutate(admin, "createScheduleItem", { input: item(f.studyA.id, { code: "" }) })).codes).toEqual(["BAD_USER_INPUT"]);
  });
});
