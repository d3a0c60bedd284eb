import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { eSignatures } from "@/db/schema";
import { countQueries, withTestDb } from "@/tests/db";
import { aeCounts, consentBoth, insertAe, signAe } from "@/tests/fixtures-aes";
import { addSubject } from "@/tests/fixtures-screening";
import { makeUser, twoSites } from "@/tests/fixtures";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";
import { adverseEventReader } from "./queries";
import { AdverseEventListQuery } from "./schema";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let aeA: Awaited<ReturnType<typeof insertAe>>;
let aeB: Awaited<ReturnType<typeof insertAe>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
  aeA = await insertAe(f, { eventTerm: "Nausea", serious: true, seriousnessCriteria: ["hospitalization"], severity: "severe", onsetDate: "2024-03-01" });
  aeB = await insertAe(f, { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, eventTerm: "Rash", reportedById: f.users.coordB.id });
});

type Page = { data: { id: string }[]; nextCursor: string | null };

describe("REST /adverse-events", () => {
  it("lists only the caller's site, newest onset first, with embeds and the signature state from one query", async () => {
    const api = await clientFor(f.users.coordA.id);
    const { data, response } = await api.GET("/api/v1/adverse-events", { params: { query: { include: "subject,study,reportedBy" } } });
    expect(response.status).toBe(200);
    const ids = data!.data.map((a) => a.id);
    expect(ids).toContain(aeA.id);
    expect(ids).not.toContain(aeB.id);
    const row = data!.data.find((a) => a.id === aeA.id)!;
    expect(row).toMatchObject({
      eventTerm: "Nausea",
      severity: "severe",
      serious: true,
      seriousnessCriteria: ["hospitalization"],
      onsetDate: "2024-03-01",
      grade: 1,
      status: "open",
      reportedById: f.users.coordA.id,
      signed: false,
      signedAt: null,
      signedBy: null,
      subject: { subjectId: "A-01", fullName: "Alice Anders", dob: "1970-05-02" },
      study: { protocolId: "A-001" },
      reportedBy: { username: "coord_a" },
    });
    const onsets = data!.data.map((a) => a.onsetDate);
    expect(onsets).toEqual([...onsets].sort().reverse());

    // The benchmark's query (serious, include=subject, -onsetDate) is one SQL statement.
    const actor = await f.actor(f.users.coordA.id);
    const query = AdverseEventListQuery.parse({ serious: "true", include: "subject", order: "-onsetDate", limit: "50" });
    const { result, queries } = await countQueries(() => adverseEventReader.list(actor, query));
    expect(queries).toBe(1);
    expect(result.data.map((a) => (a as { id: string }).id)).toEqual([aeA.id]);
  });

  it("applies every filter", async () => {
    const subject = await addSubject(f, "A", { consentSignedAt: new Date("2024-01-10T15:00:00Z") });
    const base = { subjectId: subject.id };
    const mild = await insertAe(f, { ...base, onsetDate: "2024-04-01", severity: "mild", status: "open" });
    const serious = await insertAe(f, { ...base, onsetDate: "2024-04-10", severity: "moderate", serious: true, seriousnessCriteria: ["death"], status: "closed" });
    const resolved = await insertAe(f, { ...base, onsetDate: "2024-04-20", severity: "severe", status: "resolved" });
    const api = await clientFor(f.users.coordA.id);
    const list = async (query: Record<string, string>) => {
      const { data, response } = await api.GET("/api/v1/adverse-events", { params: { query: { subjectId: subject.id, ...query } } });
      expect(response.status).toBe(200);
      return data!.data.map((a) => a.id);
    };
    expect(await list({})).toEqual([resolved.id, serious.id, mild.id]);
    expect(await list({ serious: "true" })).toEqual([serious.id]);
    expect(await list({ serious: "false" })).toEqual([resolved.id, mild.id]);
    expect(await list({ status: "resolved" })).toEqual([resolved.id]);
    expect(await list({ severity: "mild" })).toEqual([mild.id]);
    expect(await list({ onsetFrom: "2024-04-10" })).toEqual([resolved.id, serious.id]);
    expect(await list({ onsetTo: "2024-04-10" })).toEqual([serious.id, mild.id]);
    expect(await list({ onsetFrom: "2024-04-05", onsetTo: "2024-04-15" })).toEqual([serious.id]);
    expect(await list({ studyId: f.studyB.id })).toEqual([]);
    expect(await list({ studyId: f.studyA.id, order: "onsetDate" })).toEqual([mild.id, serious.id, resolved.id]);
    expect(await list({ order: "-awareAt" })).toHaveLength(3);
    expect(await list({ order: "createdAt" })).toEqual([mild.id, serious.id, resolved.id]);
    expect(await list({ order: "-updatedAt" })).toHaveLength(3);
    // subjectId alone, without the others: the fixture subject's AE is not among these.
    const { data } = await api.GET("/api/v1/adverse-events", { params: { query: { subjectId: f.subjectA.id } } });
    expect(data!.data.map((a) => a.id)).toContain(aeA.id);
    expect(data!.data.map((a) => a.id)).not.toContain(mild.id);
  });

  it("pages without repeats or gaps while AEs are reported meanwhile", async () => {
    const subject = await addSubject(f, "A", { consentSignedAt: new Date("2024-01-10T15:00:00Z") });
    const existing = [];
    // Equal onset dates on purpose: the id breaks the tie.
    for (const onsetDate of ["2024-05-01", "2024-05-02", "2024-05-02", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05"]) {
      existing.push(await insertAe(f, { subjectId: subject.id, onsetDate }));
    }
    const api = await clientFor(f.users.coordA.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let round = 0; round < 10; round++) {
      const { data } = await api.GET("/api/v1/adverse-events", { params: { query: { subjectId: subject.id, limit: 3, cursor } } });
      seen.push(...data!.data.map((a) => a.id));
      // Someone reports AEs before, inside and after the pages already read.
      await insertAe(f, { subjectId: subject.id, onsetDate: "2024-05-06" });
      await insertAe(f, { subjectId: subject.id, onsetDate: "2024-05-02" });
      if (!data!.nextCursor) break;
      cursor = data!.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const expectedOrder = [...existing]
      .sort((a, b) => (a.onsetDate === b.onsetDate ? (a.id < b.id ? 1 : -1) : a.onsetDate < b.onsetDate ? 1 : -1))
      .map((a) => a.id);
    expect(seen.filter((id) => expectedOrder.includes(id))).toEqual(expectedOrder);
  });

  it("reports through the lib, keeps SQL- and HTML-looking text verbatim, and refuses a stale version with the current record", async () => {
    const api = await clientFor(f.users.coordA.id);
    const term = `<img src=x onerror=alert(1)>'); drop table adverse_events;--`;
    const created = await api.POST("/api/v1/adverse-events", {
      body: { subjectId: f.subjectA.id, eventTerm: term, severity: "moderate", grade: 2, serious: false, seriousnessCriteria: [], onsetDate: "2024-06-01", awareAt: "2024-06-02T10:00:00Z" },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ eventTerm: term, reportedById: f.users.coordA.id, version: 1, status: "open", signed: false });
    const id = created.data!.id;
    const read = await api.GET("/api/v1/adverse-events/{id}", { params: { path: { id }, query: { include: "reportedBy" } } });
    expect(read.data!.eventTerm).toBe(term);
    expect(read.data!.reportedBy?.username).toBe("coord_a");

    const edited = await api.PATCH("/api/v1/adverse-events/{id}", { params: { path: { id } }, body: { version: 1, severity: "severe", reason: "Follow-up call" } });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({ severity: "severe", grade: 2, eventTerm: term, version: 2 });
    const stale = await api.PATCH("/api/v1/adverse-events/{id}", { params: { path: { id } }, body: { version: 1, severity: "mild", reason: "x" } });
    expect(stale.response.status).toBe(409);
    expect(stale.response.headers.get("content-type")).toBe("application/problem+json");
    expect((stale.error as { current: Record<string, unknown> }).current).toMatchObject({ id, severity: "severe", version: 2, signed: false });
  });

  it("shows the live signature, and an edit of signed content voids it", async () => {
    const ae = await insertAe(f, { onsetDate: "2024-07-01", causality: "possible", expectedness: "expected", assessedById: f.users.invA.id, assessedAt: new Date("2024-07-02T10:00:00Z") });
    await signAe(ae, f.users.invA.id);
    const api = await clientFor(f.users.coordA.id);
    const signed = await api.GET("/api/v1/adverse-events/{id}", { params: { path: { id: ae.id } } });
    expect(signed.data).toMatchObject({ signed: true, signedById: f.users.invA.id, signedBy: "Investigator", causality: "possible", expectedness: "expected", assessedById: f.users.invA.id });
    expect(signed.data!.signedAt).toEqual(expect.any(String));

    const edited = await api.PATCH("/api/v1/adverse-events/{id}", { params: { path: { id: ae.id } }, body: { version: ae.version, severity: "moderate", reason: "Corrected severity" } });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({ severity: "moderate", signed: false, signedAt: null, signedById: null, signedBy: null });
    const db = await getDb();
    const live = await db.select().from(eSignatures).where(and(eq(eSignatures.entityId, ae.id), isNull(eSignatures.voidedAt)));
    expect(live).toHaveLength(0);
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const token = await tokenFor(f.users.coordA.id);
    const before = await aeCounts();
    const good = { subjectId: f.subjectA.id, eventTerm: "Cough", severity: "mild", grade: 1, serious: false, seriousnessCriteria: [], onsetDate: "2024-06-01" };
    const post = (body: unknown) => rawCall("POST", "/adverse-events", { token, body: JSON.stringify(body) });

    const wrongTypes = await post({ subjectId: 5, eventTerm: ["x"], severity: "huge", grade: "nine", serious: "maybe", onsetDate: 20240601, extra: 1 });
    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.type).toBe("application/problem+json");
    const pointers = (wrongTypes.body!.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["#/subjectId", "#/eventTerm", "#/severity", "#/grade", "#/serious", "#/onsetDate"]));
    const problems = [
      { ...good, eventTerm: "a".repeat(201) },
      { ...good, onsetDate: "2024-02-30" },
      { ...good, endDate: "2024-13-01" },
      { ...good, onsetDate: "2999-01-01" },
      { ...good, onsetDate: "2023-01-01" }, // before consent
      { ...good, serious: true }, // serious without criteria
      { ...good, awareAt: "2024-06-31T10:00:00Z" },
      { ...good, subjectId: f.subjectB.id }, // another site's subject
    ];
    const statuses = [];
    for (const body of problems) {
      const res = await post(body);
      expect(res.type).toBe("application/problem+json");
      statuses.push(res.status);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 422, 404]);
    expect((await rawCall("POST", "/adverse-events", { token, body: "{nope" })).status).toBe(400);
    expect((await rawCall("POST", "/adverse-events", { token, body: "a=b", contentType: "application/x-www-form-urlencoded" })).status).toBe(415);

    const patch = (id: string, body: unknown) => rawCall("PATCH", `/adverse-events/${id}`, { token, body: JSON.stringify(body) });
    expect((await patch(aeA.id, { version: aeA.version, severity: "mild" })).status).toBe(422); // no reason
    expect((await patch(aeA.id, { version: aeA.version, reason: "x", reportedById: f.users.invA.id })).status).toBe(422);
    expect((await patch(aeA.id, { version: aeA.version, reason: "x", onsetDate: "2024-02-30" })).status).toBe(422);
    expect((await patch(aeA.id, { version: "one", reason: "x", severity: "mild" })).status).toBe(422);
    expect((await patch("not-an-id", { version: 1, reason: "x", severity: "mild" })).status).toBe(404);

    for (const query of ["serious=yes", "onsetFrom=2024-02-30", "onsetTo=01/02/2024", "order=eventTerm", "include=coordinator", "limit=0", "status=lost", "bogus=1", "cursor=zzz"]) {
      const res = await rawCall("GET", `/adverse-events?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.type).toBe("application/problem+json");
    }
    expect(await aeCounts()).toEqual(before);
  });

  it("enforces role × site: staff read and write their site, foreign is 404, sponsors and admins read only", async () => {
    const noGrant = await makeUser("sponsor_none_ae", "sponsor", null);
    const as = async (userId: string) => clientFor(userId);
    const get = async (userId: string, id: string) => (await (await as(userId)).GET("/api/v1/adverse-events/{id}", { params: { path: { id } } })).response.status;
    const ids = async (userId: string) => (((await (await as(userId)).GET("/api/v1/adverse-events", {})).data as Page).data.map((a) => a.id));
    const report = async (userId: string, subjectId: string) =>
      (await (await as(userId)).POST("/api/v1/adverse-events", {
        body: { subjectId, eventTerm: "Fatigue", severity: "mild", grade: 1, serious: false, seriousnessCriteria: [], onsetDate: "2024-06-01" },
      })).response.status;
    const edit = async (userId: string, id: string) => {
      const api = await as(userId);
      const current = await api.GET("/api/v1/adverse-events/{id}", { params: { path: { id } } });
      const version = current.data?.version ?? 1;
      return (await api.PATCH("/api/v1/adverse-events/{id}", { params: { path: { id } }, body: { version, status: "follow_up", reason: "Matrix" } })).response.status;
    };

    for (const staff of [f.users.coordA.id, f.users.invA.id]) {
      expect(await get(staff, aeA.id)).toBe(200);
      expect(await get(staff, aeB.id)).toBe(404);
      expect(await ids(staff)).not.toContain(aeB.id);
      expect(await report(staff, f.subjectA.id)).toBe(201);
      expect(await report(staff, f.subjectB.id)).toBe(404);
      const mine = await insertAe(f, { onsetDate: "2024-06-05" });
      expect(await edit(staff, mine.id)).toBe(200);
      expect(await edit(staff, aeB.id)).toBe(404);
    }
    expect(await get(f.users.coordB.id, aeA.id)).toBe(404);
    expect(await get(f.users.invB.id, aeB.id)).toBe(200);

    // Sponsor granted study A: reads A, not B; writes nothing.
    expect(await get(f.users.sponsor.id, aeA.id)).toBe(200);
    expect(await get(f.users.sponsor.id, aeB.id)).toBe(404);
    expect(await ids(f.users.sponsor.id)).not.toContain(aeB.id);
    expect(await report(f.users.sponsor.id, f.subjectA.id)).toBe(403);
    expect(await edit(f.users.sponsor.id, aeA.id)).toBe(403);
    // Refused as a role before the record is looked up: the answer says nothing of aeB.
    expect(await edit(f.users.sponsor.id, aeB.id)).toBe(403);
    // Sponsor without a grant: nothing at all.
    expect(await ids(noGrant.id)).toEqual([]);
    expect(await get(noGrant.id, aeA.id)).toBe(404);
    // Admin: reads every site, writes no clinical data.
    expect(await get(f.users.admin.id, aeA.id)).toBe(200);
    expect(await get(f.users.admin.id, aeB.id)).toBe(200);
    expect(await report(f.users.admin.id, f.subjectA.id)).toBe(403);
    expect(await edit(f.users.admin.id, aeA.id)).toBe(403);
    // No token.
    expect((await apiClient().GET("/api/v1/adverse-events", {})).response.status).toBe(401);
  });

  it("de-identifies the embedded subject for a sponsor in the data itself", async () => {
    const api = await clientFor(f.users.sponsor.id);
    const { data } = await api.GET("/api/v1/adverse-events", { params: { query: { include: "subject,study", serious: "true" } } });
    expect(data!.data.length).toBeGreaterThan(0);
    for (const ae of data!.data) {
      expect(ae.subject).toMatchObject({ fullName: null });
      expect(ae.subject!.dob ?? "0000").toMatch(/^\d{4}$/);
      expect(ae.studyId).toBe(f.studyA.id);
    }
    const one = await api.GET("/api/v1/adverse-events/{id}", { params: { path: { id: aeA.id }, query: { include: "subject" } } });
    expect(one.data!.subject).toMatchObject({ subjectId: "A-01", fullName: null, dob: "1970" });
    expect(JSON.stringify(data) + JSON.stringify(one.data)).not.toContain("Alice");
    expect(JSON.stringify(one.data)).not.toContain("1970-05-02");
  });

  it("reads each record the same in a list (JSON built by the database) and on its own", async () => {
    for (const user of [f.users.coordA, f.users.sponsor, f.users.admin]) {
      const api = await clientFor(user.id);
      const list = await api.GET("/api/v1/adverse-events", { params: { query: { include: "subject,study,reportedBy", limit: 200 } } });
      expect(list.response.status).toBe(200);
      for (const item of list.data!.data) {
        const one = await api.GET("/api/v1/adverse-events/{id}", { params: { path: { id: item.id }, query: { include: "subject,study,reportedBy" } } });
        expect(item).toEqual(one.data);
      }
    }
  });
});
