/**
 * Signature voiding, field by field, through every transport that edits a signed record: the lib
 * call, REST and GraphQL. Each case starts from a freshly signed record (an AE "Reviewed and
 * assessed", a screening "Eligibility confirmed") and changes one thing. A field of the signed
 * content (lib/signatures/content.ts: AE_SIGNED_FIELDS, SCREENING_SIGNED_FIELDS) voids the live
 * signature in the same write — voided, with a reason naming the field, audited as signature.void on
 * the record — and anything else (the awareness time, a value sent unchanged) leaves it standing.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvents, eSignatures, screenings, type AdverseEvent, type Screening } from "@/db/schema";
import { updateAdverseEvent } from "@/lib/adverse-events/update";
import { assessAdverseEvent } from "@/lib/safety/assess";
import { changeScreening } from "@/lib/screenings/change";
import { AE_SIGNED_FIELDS, SCREENING_SIGNED_FIELDS } from "@/lib/signatures/content";
import { voidReasonFor } from "@/lib/signatures/void";
import { gql } from "@/lib/graphql/test-client";
import { rawCall, tokenFor } from "@/tests/api/client";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { withTwoSites } from "@/tests/fixtures";

const f = withTwoSites();

type Transport = "lib" | "REST" | "GraphQL";
const TRANSPORTS: Transport[] = ["lib", "REST", "GraphQL"];
const tokens = {} as { coord: string; inv: string };

beforeAll(async () => {
  await consentBoth(f);
  tokens.coord = await tokenFor(f.users.coordA.id);
  tokens.inv = await tokenFor(f.users.invA.id);
});

async function sign(entity: "adverse_event" | "screening", entityId: string) {
  const db = await getDb();
  const [signature] = await db
    .insert(eSignatures)
    .values({ siteId: f.siteA.id, entity, entityId, signerId: f.users.invA.id, printedName: "inv_a Person", meaning: entity === "screening" ? "Eligibility confirmed" : "Reviewed and assessed", contentHash: "x" })
    .returning();
  return signature!;
}

async function signatureAfter(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(eSignatures).where(eq(eSignatures.id, id));
  return row!;
}

async function voidAudits(entity: string, entityId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId), eq(auditEvents.action, "signature.void")));
}

/** One edit of a record through a transport; throws when it was not saved. */
async function edit(transport: Transport, command: "updateAdverseEvent" | "assessAdverseEvent" | "updateScreening", id: string, input: Record<string, unknown>) {
  const asInvestigator = command === "assessAdverseEvent";
  if (transport === "lib") {
    const actor = await f.actor(asInvestigator ? f.users.invA.id : f.users.coordA.id);
    if (command === "updateAdverseEvent") return updateAdverseEvent(actor, { id, ...input });
    if (command === "assessAdverseEvent") return assessAdverseEvent(actor, { id, ...input });
    return changeScreening(actor, id, input);
  }
  const token = asInvestigator ? tokens.inv : tokens.coord;
  if (transport === "REST") {
    const path = command === "updateAdverseEvent" ? `/adverse-events/${id}` : command === "assessAdverseEvent" ? `/adverse-events/${id}/assessment` : `/screenings/${id}`;
    const answer = await rawCall(command === "assessAdverseEvent" ? "POST" : "PATCH", path, { token, body: JSON.stringify(input) });
    if (answer.status !== 200) throw new Error(`REST ${command}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  const type = `${command.charAt(0).toUpperCase()}${command.slice(1)}Input`;
  const result = await gql(token, `mutation($id: ID!, $input: ${type}!) { ${command}(id: $id, input: $input) { id version } }`, { id, input });
  if (result.errors.length > 0) throw new Error(`GraphQL ${command}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

type AeCase = { field: string; command: "updateAdverseEvent" | "assessAdverseEvent"; change: Record<string, unknown>; base?: Partial<AdverseEvent>; voids: string[] };

const SERIOUS = { serious: true, seriousnessCriteria: ["hospitalization"] as AdverseEvent["seriousnessCriteria"], severity: "severe" as const, grade: 3 };
const ASSESSED = { causality: "possible" as const, expectedness: "expected" as const, outcome: "recovering" as const };
const ASSESSMENT = { causality: "possible", expectedness: "expected", grade: 1, outcome: "recovering" };

const AE_CASES: AeCase[] = [
  { field: "eventTerm", command: "updateAdverseEvent", change: { eventTerm: "Migraine" }, voids: ["eventTerm"] },
  { field: "severity", command: "updateAdverseEvent", change: { severity: "moderate" }, voids: ["severity"] },
  { field: "grade", command: "updateAdverseEvent", change: { grade: 2 }, voids: ["grade"] },
  { field: "serious", command: "updateAdverseEvent", change: { serious: true, seriousnessCriteria: ["hospitalization"] }, voids: ["serious", "seriousnessCriteria"] },
  { field: "seriousnessCriteria", command: "updateAdverseEvent", base: SERIOUS, change: { seriousnessCriteria: ["hospitalization", "disability"] }, voids: ["seriousnessCriteria"] },
  { field: "onsetDate", command: "updateAdverseEvent", change: { onsetDate: "2024-01-31" }, voids: ["onsetDate"] },
  { field: "endDate", command: "updateAdverseEvent", change: { endDate: "2024-02-10" }, voids: ["endDate"] },
  { field: "outcome", command: "updateAdverseEvent", base: ASSESSED, change: { outcome: "recovered" }, voids: ["outcome"] },
  { field: "status", command: "updateAdverseEvent", change: { status: "follow_up" }, voids: ["status"] },
  { field: "causality", command: "assessAdverseEvent", base: ASSESSED, change: { ...ASSESSMENT, causality: "probable", reason: "New lab result" }, voids: ["causality"] },
  { field: "expectedness", command: "assessAdverseEvent", base: ASSESSED, change: { ...ASSESSMENT, expectedness: "unexpected", reason: "Checked the brochure" }, voids: ["expectedness"] },
  // Not signed content: when the site learned of the event.
  { field: "awareAt (not signed)", command: "updateAdverseEvent", change: { awareAt: "2024-02-01T11:00:00Z" }, voids: [] },
  // Signed fields sent with their stored values beside a real change (an edit that changes nothing is a 422).
  { field: "signed fields sent unchanged", command: "updateAdverseEvent", change: { eventTerm: "Headache", severity: "mild", grade: 1, awareAt: "2024-02-01T12:00:00Z" }, voids: [] },
];

type ScreeningCase = { field: string; change: Record<string, unknown>; base?: Partial<Screening>; voids: string[] };

const SCREENING_CASES: ScreeningCase[] = [
  { field: "screeningStatus", change: { screeningStatus: "rescreen" }, voids: ["screeningStatus"] },
  { field: "screeningDate", change: { screeningDate: "2025-01-13" }, voids: ["screeningDate"] },
  { field: "completedById", change: { completedById: "INV" }, voids: ["completedById"] },
  { field: "notes", change: { notes: "Rechecked the labs" }, voids: ["notes"] },
  { field: "failReason", base: { screeningStatus: "failed", failReason: "Exclusion 3" }, change: { failReason: "Exclusion 4" }, voids: ["failReason"] },
  { field: "the same values sent again", change: { screeningStatus: "pending", screeningDate: "2025-01-12" }, voids: [] },
];

describe("the signed fields the tests cover are the signed content", () => {
  it("every AE and screening signed field has a case (a new signed field needs one here)", () => {
    const aeFields = new Set(AE_CASES.flatMap((c) => c.voids));
    for (const field of AE_SIGNED_FIELDS.filter((f) => f !== "subjectId")) expect(aeFields, field).toContain(field);
    const screeningFields = new Set(SCREENING_CASES.flatMap((c) => c.voids));
    for (const field of SCREENING_SIGNED_FIELDS.filter((f) => f !== "subjectId" && f !== "studyId")) expect(screeningFields, field).toContain(field);
  });
});

describe.each(TRANSPORTS)("signature voiding through %s", (transport) => {
  for (const c of AE_CASES) {
    it(`AE: ${c.field} ${c.voids.length > 0 ? "voids" : "leaves"} the investigator's signature`, async () => {
      const ae = await insertAe(f, { ...c.base, ...(c.command === "assessAdverseEvent" ? { assessedById: f.users.invA.id, assessedAt: new Date() } : {}) });
      const signature = await sign("adverse_event", ae.id);
      const reason = c.command === "updateAdverseEvent" ? { reason: "Correction" } : {};
      await edit(transport, c.command, ae.id, { version: ae.version, ...reason, ...c.change });
      const after = await signatureAfter(signature.id);
      if (c.voids.length === 0) {
        expect(after.voidedAt).toBeNull();
        expect(await voidAudits("adverse_event", ae.id)).toHaveLength(0);
        return;
      }
      expect(after.voidedAt).not.toBeNull();
      expect(after.voidedById).toBe(c.command === "assessAdverseEvent" ? f.users.invA.id : f.users.coordA.id);
      expect(after.voidReason).toBe(voidReasonFor(c.voids));
      const audits = await voidAudits("adverse_event", ae.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]!.reason).toBe(after.voidReason);
    });
  }

  for (const c of SCREENING_CASES) {
    it(`screening: ${c.field} ${c.voids.length > 0 ? "voids" : "leaves"} the eligibility signature`, async () => {
      const subject = await addSubject(f, "A");
      const screening = await addScreening(subject, f.users.coordA.id, c.base);
      const signature = await sign("screening", screening.id);
      const change = Object.fromEntries(Object.entries(c.change).map(([k, v]) => [k, v === "INV" ? f.users.invA.id : v]));
      await edit(transport, "updateScreening", screening.id, { version: screening.version, reason: "Correction", ...change });
      const after = await signatureAfter(signature.id);
      const db = await getDb();
      const [saved] = await db.select().from(screenings).where(eq(screenings.id, screening.id));
      expect(saved!.version).toBe(screening.version + 1);
      if (c.voids.length === 0) {
        expect(after.voidedAt).toBeNull();
        expect(await voidAudits("screening", screening.id)).toHaveLength(0);
        return;
      }
      expect(after.voidedAt).not.toBeNull();
      expect(after.voidReason).toBe(voidReasonFor(c.voids));
      expect(await voidAudits("screening", screening.id)).toHaveLength(1);
    });
  }
});
