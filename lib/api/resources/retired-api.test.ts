/**
 * `retired` on the five retirable resources' lists, REST and GraphQL alike: `exclude` (the default)
 * leaves records retired as entered in error out, `include` lists them too, `only` alone — each with
 * who retired it, when and why, inside the caller's scope, the reason withheld from sponsors. A
 * retired record's own URL stays 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { subjectNotes } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { makeVisit } from "@/tests/fixtures-visits";
import { rawCall, tokenFor } from "@/tests/api/client";
import { gql } from "../../graphql/test-client";
import { retireRecord, type RetirableEntity } from "../../lifecycle/retire";

withTestDb();

type Site = "A" | "B";
/** Each resource: its path, GraphQL list field, lib entity, and one record per site (the site's retired one). */
const RESOURCES = [
  { path: "subjects", field: "subjects", entity: "subject" },
  { path: "screenings", field: "screenings", entity: "screening" },
  { path: "visits", field: "visits", entity: "visit" },
  { path: "adverse-events", field: "adverseEvents", entity: "adverse_event" },
  { path: "subject-notes", field: "subjectNotes", entity: "subject_note" },
] as const satisfies readonly { path: string; field: string; entity: RetirableEntity }[];

let f: Awaited<ReturnType<typeof twoSites>>;
const retired: Record<string, Record<Site, string>> = {};
const tokens: Record<"coordA" | "sponsor" | "admin", string> = { coordA: "", sponsor: "", admin: "" };

beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
  const db = await getDb();
  const staff = { A: await f.actor(f.users.coordA.id), B: await f.actor(f.users.coordB.id) };
  const subjectOf = { A: f.subjectA, B: f.subjectB };
  const make: Record<RetirableEntity, (site: Site) => Promise<{ id: string }>> = {
    subject: (site) => addSubject(f, site),
    screening: (site) => addScreening(subjectOf[site], staff[site].id),
    visit: (site) => makeVisit(f, { scheduledAt: new Date(Date.now() + 86_400_000) }, site),
    adverse_event: (site) =>
      insertAe(f, { siteId: subjectOf[site].siteId, studyId: subjectOf[site].studyId, subjectId: subjectOf[site].id, reportedById: staff[site].id }),
    subject_note: async (site) => {
      const s = subjectOf[site];
      const [note] = await db
        .insert(subjectNotes)
        .values({ siteId: s.siteId, studyId: s.studyId, subjectId: s.id, authorId: staff[site].id, noteType: "call", noteText: "Wrong subject" })
        .returning();
      return note!;
    },
  };
  for (const { entity } of RESOURCES) {
    retired[entity] = { A: "", B: "" };
    for (const site of ["A", "B"] as const) {
      const record = await make[entity](site);
      await retireRecord(staff[site], entity, { id: record.id, version: 1, reason: `RETIRED-${entity}-${site}` });
      retired[entity][site] = record.id;
    }
  }
  tokens.coordA = await tokenFor(f.users.coordA.id);
  tokens.sponsor = await tokenFor(f.users.sponsor.id);
  tokens.admin = await tokenFor(f.users.admin.id);
});

type Row = { id: string; retiredAt: string | null; retiredById: string | null; retireReason: string | null };

async function rest(token: string, path: string, retiredParam?: string) {
  const response = await rawCall("GET", `/${path}?limit=200${retiredParam ? `&retired=${retiredParam}` : ""}`, { token });
  expect(response.status).toBe(200);
  return (response.body!.data as Row[]);
}

describe.each(RESOURCES)("GET /$path?retired=…", ({ path, entity }) => {
  it("leaves retired records out by default; lists them with who, when and why with include, alone with only", async () => {
    const [plain, explicit, included, only] = await Promise.all([
      rest(tokens.coordA, path),
      rest(tokens.coordA, path, "exclude"),
      rest(tokens.coordA, path, "include"),
      rest(tokens.coordA, path, "only"),
    ]);
    const mine = retired[entity]!.A;
    expect(plain.map((r) => r.id)).not.toContain(mine);
    expect(plain.every((r) => r.retiredAt === null)).toBe(true);
    expect(explicit.map((r) => r.id)).toEqual(plain.map((r) => r.id));
    expect(included.map((r) => r.id).sort()).toEqual([...plain.map((r) => r.id), mine].sort());
    expect(included.find((r) => r.id === mine)).toMatchObject({ retiredById: f.users.coordA.id, retireReason: `RETIRED-${entity}-A` });
    expect(Date.parse(included.find((r) => r.id === mine)!.retiredAt!)).not.toBeNaN();
    expect(only.map((r) => r.id)).toEqual([mine]);
  });

  it("keeps the scope: never another site's retired record; a sponsor's without the reason; a retired record's URL stays 404", async () => {
    expect((await rest(tokens.coordA, path, "include")).map((r) => r.id)).not.toContain(retired[entity]!.B);
    const sponsor = await rest(tokens.sponsor, path, "only");
    expect(sponsor.map((r) => r.id)).toEqual([retired[entity]!.A]);
    expect(sponsor[0]!.retireReason).toBeNull();
    expect(JSON.stringify(sponsor)).not.toContain("RETIRED-");
    const admin = await rest(tokens.admin, path, "only");
    expect(admin.map((r) => r.id).sort()).toEqual([retired[entity]!.A, retired[entity]!.B].sort());
    expect((await rawCall("GET", `/${path}/${retired[entity]!.A}`, { token: tokens.coordA })).status).toBe(404);
  });
});

describe("the retired parameter", () => {
  it("refuses a value it does not know, naming the parameter", async () => {
    const bad = await rawCall("GET", "/subjects?retired=all", { token: tokens.coordA });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("retired");
  });

  it("is a GraphQL list argument too, from the same schema", async () => {
    for (const { field, entity } of RESOURCES) {
      const query = (arg: string) => `{ ${field}(limit: 200${arg}) { data { id retiredAt retireReason } } }`;
      type Page = Record<string, { data: { id: string; retiredAt: string | null; retireReason: string | null }[] }>;
      const plain = await gql<Page>(tokens.coordA, query(""));
      expect(plain.errors).toEqual([]);
      expect(plain.data![field]!.data.map((r) => r.id)).not.toContain(retired[entity]!.A);
      const only = await gql<Page>(tokens.sponsor, query(', retired: "only"'));
      expect(only.errors).toEqual([]);
      expect(only.data![field]!.data).toEqual([{ id: retired[entity]!.A, retiredAt: expect.any(String), retireReason: null }]);
    }
  });
});
