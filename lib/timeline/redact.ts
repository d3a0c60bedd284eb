/**
 * What sponsors may not read in a record's history: the audit keeps old → new values of every
 * field, and some of those are identifying or free text (product.md: de-identified — no name,
 * year of birth only, no free-text notes).
 */
const WITHHELD_FIELDS = new Set(["fullName", "noteText", "notes", "failReason", "withdrawalReason"]);
export const WITHHELD = "[withheld]";

const yearOnly = (v: unknown) => (typeof v === "string" && /^\d{4}-/.test(v) ? v.slice(0, 4) : v);

export function redactChanges(changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [field, [before, after]] of Object.entries(changes)) {
    if (WITHHELD_FIELDS.has(field)) out[field] = [before === null ? null : WITHHELD, after === null ? null : WITHHELD];
    else if (field === "dob") out[field] = [yearOnly(before), yearOnly(after)];
    else out[field] = [before, after];
  }
  return out;
}
