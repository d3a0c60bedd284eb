/**
 * Editing an adverse event after it was reported: a reason for change is required, the version
 * must be the one the editor started from (else a ConflictError carrying the newer record), and
 * (policy "ae.update"). A change to signed content voids the live investigator signature in the
 * same transaction (lib/signatures/void.ts), which puts the AE back in the safety queue.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { adverseEvents, type AdverseEvent } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError, type FieldErrors } from "../errors";
import { instantToLocalInput } from "../dates";
import {
  aeDateErrors,
  aeRecordErrors,
  awareAtInstant,
  updateAdverseEventSchema,
} from "../validation/adverse-event";
import { AE_SIGNED_FIELDS, changedSignedFields } from "../signatures/content";
import { voidLiveSignature } from "../signatures/void";
import { qualified, siteTimeZoneOf } from "../write/extra";
import { parseFor, write } from "../write/road";
import { AE_EDITABLE_FIELDS } from "./labels";

export const AE_CONFLICT_MESSAGE =
  "Someone else saved this adverse event after you opened it. Review their changes below, then try again.";

const EDITABLE = AE_EDITABLE_FIELDS satisfies readonly (keyof AdverseEvent)[];

export async function updateAdverseEvent(actor: Actor, input: unknown, now: Date = new Date()): Promise<AdverseEvent> {
  const data = parseFor(actor, "ae.update", updateAdverseEventSchema, input);
  return write(actor, "ae.update", async (w) => {
    const loaded = await w.load("adverse_event", data.id, {
      version: data.version,
      conflict: AE_CONFLICT_MESSAGE,
      notFound: "Adverse event not found",
      extra: {
        consentSignedAt: sql<Date | null>`(select "subjects"."consent_signed_at" from "subjects" where "subjects"."id" = ${qualified(adverseEvents.subjectId)})`.mapWith(
          (v: unknown) => (v === null ? null : new Date(v as string)),
        ),
        timeZone: siteTimeZoneOf(adverseEvents.siteId),
      },
    });
    const before = loaded.row;
    const { timeZone, consentSignedAt } = loaded.extra;

    // The edit form shows awareAt to the minute: the same minute back means "unchanged", not "drop the seconds".
    let awareAt = before.awareAt;
    const errors: FieldErrors = {};
    if (data.awareAt !== undefined && data.awareAt !== instantToLocalInput(before.awareAt, timeZone)) {
      const instant = awareAtInstant(data.awareAt, timeZone);
      if (instant) awareAt = instant;
      else errors.awareAt = ["Enter a date and time (YYYY-MM-DDTHH:mm)."];
    }

    const merged: AdverseEvent = {
      ...before,
      eventTerm: data.eventTerm ?? before.eventTerm,
      severity: data.severity ?? before.severity,
      grade: data.grade ?? before.grade,
      serious: data.serious ?? before.serious,
      seriousnessCriteria: data.seriousnessCriteria ?? before.seriousnessCriteria,
      onsetDate: data.onsetDate ?? before.onsetDate,
      endDate: data.endDate === undefined ? before.endDate : data.endDate,
      outcome: data.outcome === undefined ? before.outcome : data.outcome,
      status: data.status ?? before.status,
      awareAt,
    };
    const changed = EDITABLE.filter((key) => JSON.stringify(merged[key]) !== JSON.stringify(before[key]));
    const has = (key: (typeof EDITABLE)[number]) => changed.includes(key);
    Object.assign(
      errors,
      aeRecordErrors(merged),
      aeDateErrors(
        merged,
        { timeZone, consentSignedAt, now },
        { onsetDate: has("onsetDate"), endDate: has("endDate"), awareAt: has("awareAt") },
      ),
    );
    if (Object.keys(errors).length > 0) throw new ValidationError("Please correct the highlighted fields.", errors);
    if (changed.length === 0) throw new ValidationError("Nothing to save: no field was changed.");

    const values = Object.fromEntries(changed.map((key) => [key, merged[key]])) as Partial<AdverseEvent>;
    const after = await w.update(loaded, values, { audit: "update", reason: data.reason });
    const target = { entity: "adverse_event" as const, id: after.id, siteId: after.siteId, studyId: after.studyId, subjectId: after.subjectId };
    await voidLiveSignature(w, target, changedSignedFields(AE_SIGNED_FIELDS, before, after));
    return after;
  });
}
