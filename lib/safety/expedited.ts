/**
 * Expedited-report candidates (21 CFR 312.32(c), docs/product.md, "Safety rules"): a serious, unexpected
 * AE that is fatal or life-threatening is a 7-day candidate; any other serious, unexpected AE with
 * a reasonable possibility of relation to the drug (possible, probable, definite) is a 15-day
 * candidate. "Candidate": the sponsor decides; the site only flags. Pure, for the queue, the CSV
 * and the sponsor view alike.
 */
import type { AdverseEvent } from "@/db/schema";

export type ExpeditedCandidate = "7-day" | "15-day";

const RELATED: ReadonlySet<string> = new Set(["possible", "probable", "definite"]);

export function expeditedCandidate(
  ae: Pick<AdverseEvent, "serious" | "expectedness" | "causality" | "outcome" | "seriousnessCriteria">,
): ExpeditedCandidate | null {
  if (!ae.serious || ae.expectedness !== "unexpected") return null;
  if (ae.outcome === "fatal" || ae.seriousnessCriteria.includes("death") || ae.seriousnessCriteria.includes("life_threatening")) {
    return "7-day";
  }
  return ae.causality && RELATED.has(ae.causality) ? "15-day" : null;
}
