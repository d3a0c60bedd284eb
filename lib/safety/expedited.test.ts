import { describe, expect, it } from "vitest";
import { expeditedCandidate } from "./expedited";

const sae = {
  serious: true,
  expectedness: "unexpected" as const,
  causality: "possible" as const,
  outcome: "recovering" as const,
  seriousnessCriteria: ["hospitalization" as const],
};

describe("expeditedCandidate (21 CFR 312.32(c))", () => {
  it("marks an unexpected fatal or life-threatening SAE as a 7-day candidate", () => {
    expect(expeditedCandidate({ ...sae, outcome: "fatal" })).toBe("7-day");
    expect(expeditedCandidate({ ...sae, seriousnessCriteria: ["life_threatening"] })).toBe("7-day");
    expect(expeditedCandidate({ ...sae, seriousnessCriteria: ["death"], causality: "not_related" })).toBe("7-day");
  });

  it("marks other unexpected SAEs with a reasonable possibility of relation as 15-day candidates", () => {
    for (const causality of ["possible", "probable", "definite"] as const) {
      expect(expeditedCandidate({ ...sae, causality })).toBe("15-day");
    }
    for (const causality of ["not_related", "unlikely", null] as const) {
      expect(expeditedCandidate({ ...sae, causality })).toBeNull();
    }
  });

  it("marks nothing that is expected, not yet assessed, or not serious", () => {
    expect(expeditedCandidate({ ...sae, expectedness: "expected", outcome: "fatal" })).toBeNull();
    expect(expeditedCandidate({ ...sae, expectedness: null })).toBeNull();
    expect(expeditedCandidate({ ...sae, serious: false, seriousnessCriteria: [] })).toBeNull();
  });
});
