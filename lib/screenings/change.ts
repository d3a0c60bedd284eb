/**
 * What a correction of a recorded screening means for every transport (REST PATCH, GraphQL): the
 * fields sent are corrected, with a reason; the rest keep their values (read here, guarded by the
 * version check inside the write).
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { screenings } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { NotFoundError, ValidationError } from "../errors";
import { authorizeAttempt } from "../policy";
import { visibleTo } from "../read-model/visible";
import { isUuid, jsonVersion, reason } from "../validation/fields";
import { screeningJsonFields as field } from "../validation/screening";
import { updateScreening } from "./update";

export const screeningChangeSchema = z
  .object({
    version: jsonVersion,
    reason: reason().describe("Reason for the correction (required)."),
    screeningStatus: field.screeningStatus.optional(),
    screeningDate: field.screeningDate.optional().describe("YYYY-MM-DD; not in the future at the site."),
    completedById: field.completedById.optional().describe("An active coordinator or investigator of the site."),
    notes: field.notes.nullable().optional().describe("Null clears the notes."),
    failReason: field.failReason.nullable().optional().describe("Required when the outcome is `failed`."),
  })
  .strict();

const EDITABLE = ["screeningStatus", "screeningDate", "completedById", "notes", "failReason"] as const;

export async function changeScreening(actor: Actor, id: string, input: unknown) {
  authorizeAttempt(actor, "screening.update");
  const change = parseOrThrow(screeningChangeSchema, input);
  if (!EDITABLE.some((f) => change[f] !== undefined)) {
    throw new ValidationError("Nothing to change.", { form: ["Send at least one field to change."] });
  }
  // The lib takes the whole outcome again: what was not sent keeps its current value.
  if (!isUuid(id)) throw new NotFoundError("Screening not found");
  const db = await getDb();
  const [now] = await db.select().from(screenings).where(and(eq(screenings.id, id), visibleTo(actor, screenings)));
  if (!now) throw new NotFoundError("Screening not found");
  return updateScreening(actor, {
    id,
    version: change.version,
    reason: change.reason,
    screeningStatus: change.screeningStatus ?? now.screeningStatus,
    screeningDate: change.screeningDate ?? now.screeningDate,
    completedById: change.completedById ?? now.completedById,
    notes: change.notes !== undefined ? change.notes : now.notes,
    failReason: change.failReason !== undefined ? change.failReason : now.failReason,
  });
}
