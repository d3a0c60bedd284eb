import { beforeAll, describe, expect, it } from "vitest";
import { countQueries, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe, signAe } from "@/tests/fixtures-aes";
import { ForbiddenError, NotFoundError } from "../errors";
import { parseList } from "../list/params";
import { listStudyOptions } from "../studies/options";
import { aeListSpec, getAdverseEvent, listAdverseEvents, listReportableSubjects } from "./queries";
import { updateAdverseEvent } from "./update";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
  // Site A: 30 mild headaches, one serious pneumonia, one resolved rash; site B: one.
  for (let i = 0; i < 30; i++) await insertAe(f, { onsetDate: `2024-03-${String((i % 28) + 1).padStart(2, "0")}` });
  await insertAe(f, { eventTerm: "Pneumonia", severity: "severe", grade: 3, serious: true, seriousnessCriteria: ["hospitalization"], onsetDate: "2024-02-10", awareAt: new Date("2024-02-10T12:00:00Z") });
  await insertAe(f, { eventTerm: "Rash", status: "resolved", severity: "moderate", onsetDate: "2024-01-15" });
  await insertAe(f, { siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, eventTerm: "Site B cough" });
});

const list = (params: Record<string, string>) => parseList(params, aeListSpec);

describe("listAdverseEvents", () => {
  it("pages the actor's site only, in two queries whatever the size", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const { result, queries } = await countQueries(() => listAdverseEvents(coord, list({ pageSize: "10" })));
    expect(queries).toBe(2);
    expect(result).toMatchObject({ total: 32, page: 1, pageCount: 4 });
    expect(result.rows).toHaveLength(10);
    expect(result.rows.every((r) => r.siteId === f.siteA.id)).toBe(true);
    expect(result.rows[0]).toMatchObject({ subjectCode: "A-01", subjectName: "Alice Anders", protocolId: "A-001", reportedByName: "coord_a Person", timeZone: "America/New_York" });
    const last = await listAdverseEvents(coord, list({ pageSize: "10", page: "4" }));
    expect(last.rows).toHaveLength(2);
  });

  it("filters by serious, status, severity, onset range and search; sorts on the server", async () => {
    const coord = await f.actor(f.users.coordA.id);
    expect((await listAdverseEvents(coord, list({ serious: "true" }))).rows.map((r) => r.eventTerm)).toEqual(["Pneumonia"]);
    expect((await listAdverseEvents(coord, list({ serious: "false" }))).total).toBe(31);
    expect((await listAdverseEvents(coord, list({ status: "resolved" }))).rows.map((r) => r.eventTerm)).toEqual(["Rash"]);
    expect((await listAdverseEvents(coord, list({ severity: "moderate" }))).rows.map((r) => r.eventTerm)).toEqual(["Rash"]);
    expect((await listAdverseEvents(coord, list({ onsetFrom: "2024-01-01", onsetTo: "2024-02-28" }))).rows.map((r) => r.eventTerm)).toEqual(["Pneumonia", "Rash"]);
    expect((await listAdverseEvents(coord, list({ q: "pneum" }))).total).toBe(1);
    expect((await listAdverseEvents(coord, list({ q: "a-01" }))).total).toBe(32);
    expect((await listAdverseEvents(coord, list({ q: "%" }))).total).toBe(0);
    expect((await listAdverseEvents(coord, list({ studyId: f.studyB.id }))).total).toBe(0);
    expect((await listAdverseEvents(coord, list({ sort: "-severity", pageSize: "2" }))).rows.map((r) => r.severity)).toEqual(["severe", "moderate"]);
    expect((await listAdverseEvents(coord, list({ sort: "eventTerm", pageSize: "1" }))).rows[0]!.eventTerm).toBe("Headache");
    expect((await listAdverseEvents(coord, list({ sort: "onsetDate", pageSize: "1" }))).rows[0]!.eventTerm).toBe("Rash");
    expect((await listAdverseEvents(coord, list({ sort: "-awareAt", pageSize: "1" }))).rows[0]!.eventTerm).toBe("Pneumonia");
  });

  it("de-identifies for sponsors and keeps them to granted studies", async () => {
    const sponsor = await f.actor(f.users.sponsor.id);
    const page = await listAdverseEvents(sponsor, list({}));
    expect(page.total).toBe(32);
    expect(page.rows.every((r) => r.subjectName === null && r.subjectCode === "A-01")).toBe(true);
    const admin = await f.actor(f.users.admin.id);
    expect((await listAdverseEvents(admin, list({}))).total).toBe(33);
    expect((await listAdverseEvents(await f.actor(f.users.coordB.id), list({}))).rows.map((r) => r.eventTerm)).toEqual(["Site B cough"]);
  });
});

describe("getAdverseEvent", () => {
  it("returns the AE, its signature state and its history (who, when, old → new, reason) in two queries", async () => {
    const ae = await insertAe(f, { eventTerm: "Dizziness" });
    const coord = await f.actor(f.users.coordA.id);
    let version = ae.version;
    for (const severity of ["moderate", "severe", "mild", "moderate"] as const) {
      version = (await updateAdverseEvent(coord, { id: ae.id, version, reason: `to ${severity}`, severity })).version;
    }
    await signAe(ae, f.users.invA.id);
    const { result, queries } = await countQueries(() => getAdverseEvent(coord, ae.id));
    expect(queries).toBe(2);
    expect(result).toMatchObject({ eventTerm: "Dizziness", severity: "moderate", signed: true, signedByName: "inv_a Person", subjectName: "Alice Anders" });
    expect(result.history).toHaveLength(4);
    expect(result.history[0]).toMatchObject({ action: "update", actorName: "coord_a Person", reason: "to moderate", changes: { severity: ["mild", "moderate"] } });
  });

  it("is 'not found' across sites, for missing or malformed ids; de-identified for sponsors", async () => {
    const ae = await insertAe(f);
    await expect(getAdverseEvent(await f.actor(f.users.coordB.id), ae.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAdverseEvent(await f.actor(f.users.coordA.id), "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAdverseEvent(await f.actor(f.users.coordA.id), "1 or 1=1")).rejects.toBeInstanceOf(NotFoundError);
    const seen = await getAdverseEvent(await f.actor(f.users.sponsor.id), ae.id);
    expect(seen).toMatchObject({ subjectName: null, consentSignedAt: null, subjectCode: "A-01", signed: false });
  });
});

describe("listReportableSubjects", () => {
  it("offers the site's consented subjects and the one asked for; refuses a foreign one and non-reporters", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const subjects = await listReportableSubjects(coord, f.subjectA.id);
    expect(subjects.map((s) => s.id)).toEqual([f.subjectA.id]);
    expect(subjects[0]!.label).toBe("A-01 · Alice Anders (A-001)");
    await expect(listReportableSubjects(await f.actor(f.users.coordB.id), f.subjectA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listReportableSubjects(coord, "junk")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listReportableSubjects(await f.actor(f.users.sponsor.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listReportableSubjects(await f.actor(f.users.admin.id))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("listStudyOptions", () => {
  it("lists the studies the actor may see", async () => {
    expect((await listStudyOptions(await f.actor(f.users.coordA.id))).map((s) => s.label)).toEqual(["A-001 — Study A"]);
    expect((await listStudyOptions(await f.actor(f.users.sponsor.id))).map((s) => s.label)).toEqual(["A-001 — Study A"]);
    expect(await listStudyOptions(await f.actor(f.users.admin.id))).toHaveLength(2);
  });
});
