/**
 * What an e-signature signs (21 CFR 11.70: the signature is linked to its record). The signed
 * content is a fixed list of fields, serialised as canonical JSON (keys sorted, dates as ISO
 * strings, arrays in stored order) and hashed with sha-256. A later change to any of these fields
 * no longer matches the hash — and lib/signatures/void.ts voids the signature in the same write.
 * Pure: no database, so tests and the voiding rule share one definition.
 */
import { createHash } from "node:crypto";
import type { AdverseEvent, Screening } from "@/db/schema";

/** The AE fields an investigator's "Reviewed and assessed" covers. */
export const AE_SIGNED_FIELDS = [
  "subjectId",
  "eventTerm",
  "severity",
  "grade",
  "serious",
  "seriousnessCriteria",
  "onsetDate",
  "endDate",
  "outcome",
  "status",
  "causality",
  "expectedness",
] as const satisfies readonly (keyof AdverseEvent)[];

/** The screening fields an investigator's "Eligibility confirmed" covers. */
export const SCREENING_SIGNED_FIELDS = [
  "subjectId",
  "studyId",
  "screeningStatus",
  "screeningDate",
  "completedById",
  "notes",
  "failReason",
] as const satisfies readonly (keyof Screening)[];

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, normalise(record[key])]),
    );
  }
  return value;
}

/** JSON with sorted keys at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function pick<T, K extends keyof T>(record: T, fields: readonly K[]): Pick<T, K> {
  return Object.fromEntries(fields.map((key) => [key, record[key]])) as Pick<T, K>;
}

export function aeSignedContent(ae: Pick<AdverseEvent, (typeof AE_SIGNED_FIELDS)[number]> & { id: string }) {
  return { entity: "adverse_event", id: ae.id, ...pick(ae, AE_SIGNED_FIELDS) };
}

export function screeningSignedContent(s: Pick<Screening, (typeof SCREENING_SIGNED_FIELDS)[number]> & { id: string }) {
  return { entity: "screening", id: s.id, ...pick(s, SCREENING_SIGNED_FIELDS) };
}

export function contentHash(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

/** The signed fields whose values differ between two versions of a record, in list order. */
export function changedSignedFields<T extends Record<string, unknown>>(
  fields: readonly (keyof T & string)[],
  before: T,
  after: T,
): string[] {
  return fields.filter((key) => canonicalJson(before[key]) !== canonicalJson(after[key]));
}
