/**
 * Retiring a record entered in error (a duplicate subject, a visit booked on the wrong person):
 * nothing is deleted. The record keeps every field, gains who retired it, when and why, drops out
 * of lists and counts (they show it only when asked to), and stands struck through on the
 * timeline. One road for subjects, screenings, visits, AEs and notes; each retire is audited.
 */
import type { Actor } from "../actor";
import { followLatestScreening } from "../screenings/follow-latest";
import { retireRecordSchema } from "../validation/lifecycle";
import type { RowOf } from "../write/entities";
import { DB_NOW } from "../write/entities";
import { parseFor, write, type Writer, type WriteAction } from "../write/road";

export const RETIRABLE = ["subject", "screening", "visit", "adverse_event", "subject_note"] as const;
export type RetirableEntity = (typeof RETIRABLE)[number];

const ACTION: Record<RetirableEntity, WriteAction> = {
  subject: "subject.retire",
  screening: "screening.retire",
  visit: "visit.retire",
  adverse_event: "ae.retire",
  subject_note: "note.retire",
};

/** What else changes when a record goes: a retired screening no longer decides its subject's status. */
const AFTERWARDS: Partial<Record<RetirableEntity, (w: Writer, retired: Record<string, unknown>, reason: string) => Promise<unknown>>> = {
  screening: async (w, retired, reason) =>
    followLatestScreening(w, (await w.load("subject", String(retired.subjectId), { action: "screening.retire" })), reason),
};

export async function retireRecord<E extends RetirableEntity>(actor: Actor, entity: E, input: unknown): Promise<RowOf<E>> {
  const action = ACTION[entity];
  const data = parseFor(actor, action, retireRecordSchema, input);
  return write(actor, action, async (w) => {
    const loaded = await w.load(entity, data.id, { version: data.version });
    const retired = await w.update(loaded, { retiredAt: DB_NOW, retireReason: data.reason, retiredById: actor.id }, { audit: "retire", reason: data.reason });
    await AFTERWARDS[entity]?.(w, retired as Record<string, unknown>, data.reason);
    return retired;
  });
}
