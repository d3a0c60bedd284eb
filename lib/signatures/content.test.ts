import { describe, expect, it } from "vitest";
import { aeSignedContent, canonicalJson, changedSignedFields, contentHash, AE_SIGNED_FIELDS } from "./content";

const ae = {
  id: "0b6f8a4e-0000-4000-8000-000000000001",
  subjectId: "0b6f8a4e-0000-4000-8000-000000000002",
  eventTerm: "Headache",
  severity: "mild" as const,
  grade: 1,
  serious: false,
  seriousnessCriteria: [],
  onsetDate: "2024-02-01",
  endDate: null,
  outcome: "recovering" as const,
  status: "open" as const,
  causality: "possible" as const,
  expectedness: "expected" as const,
};

describe("signed content", () => {
  it("serialises with sorted keys at every level, dates as ISO strings", () => {
    expect(canonicalJson({ b: 1, a: { d: new Date("2024-01-01T00:00:00Z"), c: [2, 1] } })).toBe(
      '{"a":{"c":[2,1],"d":"2024-01-01T00:00:00.000Z"},"b":1}',
    );
  });

  it("hashes the same content the same way whatever the key order, and differently after a change", () => {
    const reordered = Object.fromEntries(Object.entries(ae).reverse()) as typeof ae;
    expect(contentHash(aeSignedContent(reordered))).toBe(contentHash(aeSignedContent(ae)));
    expect(contentHash(aeSignedContent(ae))).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(aeSignedContent({ ...ae, severity: "severe" }))).not.toBe(contentHash(aeSignedContent(ae)));
  });

  it("names the signed fields that changed, ignoring the rest", () => {
    const after = { ...ae, severity: "severe" as const, grade: 3, awareAt: new Date() };
    expect(changedSignedFields<Record<string, unknown>>(AE_SIGNED_FIELDS, ae, after)).toEqual(["severity", "grade"]);
  });
});
