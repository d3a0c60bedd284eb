import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { studies, type Study } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { adminCounts } from "@/tests/fixtures-admin";
import { makeUser, twoSites } from "@/tests/fixtures";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;

/** A study of site A written straight into the database, with investigator A as PI. */
async function insertStudy(values: Partial<typeof studies.$inferInsert> & { protocolId: string }): Promise<Study> {
  const db = await getDb();
  const [row] = await db
    .insert(studies)
    .values({ title: `Study ${values.protocolId}`, status: "recruiting", principalInvestigatorId: f.users.invA.id, siteId: f.siteA.id, ...values })
    .returning();
  return row!;
}

beforeAll(async () => {
  f = await twoSites();
});

describe("REST /studies", () => {
  it("lists the caller's studies by protocol ID, with the site's name and embeds from the same query", async () => {
    const api = await clientFor(f.users.coordA.id);
    const { data, response } = await api.GET("/api/v1/studies", { params: { query: { include: "principalInvestigator,site" } } });
    expect(response.status).toBe(200);
    expect(data!.data.map((s) => s.protocolId)).toEqual(["A-001"]);
    expect(data!.data[0]).toMatchObject({
      id: f.studyA.id,
      title: "Study A",
      status: "recruiting",
      siteId: f.siteA.id,
      siteName: "Site A",
      principalInvestigatorId: f.users.invA.id,
      version: 1,
      principalInvestigator: { username: "inv_a" },
      site: { name: "Site A", timezone: "America/New_York" },
    });
    expect(data!.nextCursor).toBeNull();
    const one = await api.GET("/api/v1/studies/{id}", { params: { path: { id: f.studyA.id } } });
    expect(one.data).toMatchObject({ protocolId: "A-001", siteName: "Site A" });
    expect(one.data).not.toHaveProperty("site");
  });

  it("applies every filter and order", async () => {
    const api = await clientFor(f.users.admin.id);
    const closed = await insertStudy({ protocolId: "F-CLOSED", status: "completed" });
    const list = async (query: Record<string, string>) => {
      const { data, response } = await api.GET("/api/v1/studies", { params: { query } });
      expect(response.status).toBe(200);
      return data!.data.map((s) => s.id);
    };
    expect(await list({ siteId: f.siteB.id })).toEqual([f.studyB.id]);
    expect(await list({ status: "completed" })).toEqual([closed.id]);
    expect(await list({ status: "completed", siteId: f.siteB.id })).toEqual([]);
    expect(await list({ siteId: f.siteA.id })).toEqual([f.studyA.id, closed.id]);
    expect(await list({ siteId: f.siteA.id, order: "-protocolId" })).toEqual([closed.id, f.studyA.id]);
    expect((await list({ order: "createdAt" })).at(-1)).toBe(closed.id);
    expect((await list({ order: "-updatedAt" }))[0]).toBe(closed.id);
  });

  it("pages without repeats or gaps while studies are created meanwhile", async () => {
    const existing: Study[] = [];
    for (const p of ["P-01", "P-02", "P-03", "P-04", "P-05", "P-06", "P-07"]) existing.push(await insertStudy({ protocolId: p }));
    const api = await clientFor(f.users.admin.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let round = 0; round < 10; round++) {
      const { data } = await api.GET("/api/v1/studies", { params: { query: { siteId: f.siteA.id, limit: 3, cursor } } });
      seen.push(...data!.data.map((s) => s.id));
      await insertStudy({ protocolId: `P-0${round}5` }); // sorts among the pages
      await insertStudy({ protocolId: `P-${round}0Z` }); // sorts after
      if (!data!.nextCursor) break;
      cursor = data!.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const ids = existing.map((s) => s.id);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
  });

  it("creates and edits as admin through the lib, keeps SQL- and HTML-looking text verbatim, and refuses a stale version", async () => {
    const api = await clientFor(f.users.admin.id);
    const title = `<h1 onclick="x()">Trial</h1>'; DELETE FROM studies;--`;
    const created = await api.POST("/api/v1/studies", {
      body: { protocolId: "NEW-1", title, status: "not_yet_recruiting", principalInvestigatorId: f.users.invB.id, siteId: f.siteB.id },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ protocolId: "NEW-1", title, siteName: "Site B", version: 1 });
    const id = created.data!.id;
    const edited = await api.PATCH("/api/v1/studies/{id}", { params: { path: { id } }, body: { version: 1, status: "recruiting" } });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({ status: "recruiting", title, protocolId: "NEW-1", principalInvestigatorId: f.users.invB.id, version: 2 });
    const stale = await api.PATCH("/api/v1/studies/{id}", { params: { path: { id } }, body: { version: 1, title: "Lost" } });
    expect(stale.response.status).toBe(409);
    expect(stale.response.headers.get("content-type")).toBe("application/problem+json");
    expect((stale.error as { current: Record<string, unknown> }).current).toMatchObject({ id, title, version: 2, siteName: "Site B" });
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const token = await tokenFor(f.users.admin.id);
    const before = await adminCounts();
    const post = (body: unknown) => rawCall("POST", "/studies", { token, body: JSON.stringify(body) });
    const wrongTypes = await post({ protocolId: 7, title: null, status: "ongoing", principalInvestigatorId: "x", siteId: 1, extra: 1 });
    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.type).toBe("application/problem+json");
    const pointers = (wrongTypes.body!.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["#/protocolId", "#/title", "#/status", "#/principalInvestigatorId", "#/siteId"]));
    const good = { protocolId: "BAD-1", title: "T", status: "recruiting", principalInvestigatorId: f.users.invA.id, siteId: f.siteA.id };
    expect((await post({ ...good, title: "t".repeat(301) })).status).toBe(422);
    expect((await post({ ...good, protocolId: "p".repeat(41) })).status).toBe(422);
    expect((await post({ ...good, protocolId: "A-001" })).status).toBe(422); // taken at this site
    expect((await post({ ...good, principalInvestigatorId: f.users.coordA.id })).status).toBe(422); // not an investigator
    expect((await post({ ...good, principalInvestigatorId: f.users.invB.id })).status).toBe(422); // another site's
    expect((await post({ ...good, siteId: "2024-02-30" })).status).toBe(422);
    expect((await rawCall("POST", "/studies", { token, body: "{" })).status).toBe(400);
    expect((await rawCall("POST", "/studies", { token, body: "a", contentType: "text/csv" })).status).toBe(415);

    const patch = (body: unknown) => rawCall("PATCH", `/studies/${f.studyA.id}`, { token, body: JSON.stringify(body) });
    expect((await patch({ version: "1", title: "x" })).status).toBe(422);
    expect((await patch({ version: 1, createdAt: "2024-01-01T00:00:00Z" })).status).toBe(422);
    expect((await patch({ version: 1, title: "" })).status).toBe(422);
    expect((await patch({ version: 1, siteId: f.siteB.id })).status).toBe(422); // PI is not of site B
    expect((await rawCall("PATCH", "/studies/nope", { token, body: JSON.stringify({ version: 1, title: "x" }) })).status).toBe(404);

    for (const query of ["status=ongoing", "siteId=abc", "order=title", "include=subjects", "limit=-1", "bogus=1", "cursor=e30"]) {
      const res = await rawCall("GET", `/studies?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.type).toBe("application/problem+json");
    }
    expect(await adminCounts()).toEqual(before);
  });

  it("enforces role × site: staff and sponsors read their studies, foreign is 404, only admins write", async () => {
    const noGrant = await makeUser("sponsor_none_study", "sponsor", null);
    const get = async (userId: string, id: string) => (await (await clientFor(userId)).GET("/api/v1/studies/{id}", { params: { path: { id } } })).response.status;
    const ids = async (userId: string) => (await (await clientFor(userId)).GET("/api/v1/studies", { params: { query: { limit: 200 } } })).data!.data.map((s) => s.id);
    const create = async (userId: string) =>
      (await (await clientFor(userId)).POST("/api/v1/studies", {
        body: { protocolId: `M-${userId.slice(0, 8)}`, title: "Matrix", status: "recruiting", principalInvestigatorId: f.users.invA.id, siteId: f.siteA.id },
      })).response.status;
    const edit = async (userId: string, id: string) => {
      const db = await getDb();
      const version = (await db.query.studies.findFirst({ where: (s, { eq }) => eq(s.id, id) }))!.version;
      return (await (await clientFor(userId)).PATCH("/api/v1/studies/{id}", { params: { path: { id } }, body: { version, title: "Matrix edit" } })).response.status;
    };

    for (const staff of [f.users.coordA.id, f.users.invA.id]) {
      expect(await get(staff, f.studyA.id)).toBe(200);
      expect(await get(staff, f.studyB.id)).toBe(404);
      expect(await ids(staff)).not.toContain(f.studyB.id);
      expect(await create(staff)).toBe(403);
      expect(await edit(staff, f.studyA.id)).toBe(403);
      // Site staff never manage studies: refused as a role, before the study is looked up.
      expect(await edit(staff, f.studyB.id)).toBe(403);
    }
    expect(await get(f.users.coordB.id, f.studyA.id)).toBe(404);

    expect(await ids(f.users.sponsor.id)).toEqual([f.studyA.id]);
    expect(await get(f.users.sponsor.id, f.studyB.id)).toBe(404);
    expect(await create(f.users.sponsor.id)).toBe(403);
    expect(await edit(f.users.sponsor.id, f.studyA.id)).toBe(403);
    expect(await edit(f.users.sponsor.id, f.studyB.id)).toBe(403);
    expect(await ids(noGrant.id)).toEqual([]);
    expect(await get(noGrant.id, f.studyA.id)).toBe(404);

    expect(await ids(f.users.admin.id)).toEqual(expect.arrayContaining([f.studyA.id, f.studyB.id]));
    expect(await create(f.users.admin.id)).toBe(201);
    expect(await edit(f.users.admin.id, f.studyB.id)).toBe(200);
    expect((await apiClient().GET("/api/v1/studies", {})).response.status).toBe(401);
  });

  it("gives a sponsor only the granted study and nothing about subjects", async () => {
    const api = await clientFor(f.users.sponsor.id);
    const { data } = await api.GET("/api/v1/studies", { params: { query: { include: "principalInvestigator,site" } } });
    expect(data!.data).toHaveLength(1);
    expect(Object.keys(data!.data[0]!).sort()).toEqual(
      ["createdAt", "id", "principalInvestigator", "principalInvestigatorId", "protocolId", "site", "siteId", "siteName", "status", "title", "updatedAt", "version"].sort(),
    );
    expect(JSON.stringify(data)).not.toContain("Alice");
  });

  it("reads each record the same in a list (JSON built by the database) and on its own", async () => {
    for (const user of [f.users.coordA, f.users.sponsor, f.users.admin]) {
      const api = await clientFor(user.id);
      const list = await api.GET("/api/v1/studies", { params: { query: { include: "principalInvestigator,site", limit: 200 } } });
      expect(list.response.status).toBe(200);
      for (const item of list.data!.data) {
        const one = await api.GET("/api/v1/studies/{id}", { params: { path: { id: item.id }, query: { include: "principalInvestigator,site" } } });
        expect(item).toEqual(one.data);
      }
    }
  });
});
