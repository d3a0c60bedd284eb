/**
 * What a change to a visit means, decided once for every transport (REST PATCH, GraphQL, forms):
 * a `visitStatus` closes a scheduled visit (completed, missed, canceled) and travels alone; any of
 * `scheduledAt`, `location`, `coordinatorId`, `visitType` edits its details, with a reason.
 */
import { z } from "zod";
import type { Visit } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { parseOrThrow } from "../action-state";
import { dateTime, jsonVersion, reasonText } from "../validation/fields";
import { statusOrEdits } from "../validation/status-or-edits";
import { cancelVisit } from "./cancel";
import { completeVisit } from "./complete";
import { editVisit, editVisitSchema } from "./edit";
import { missVisit } from "./miss";

const details = editVisitSchema.pick({ scheduledAt: true, location: true, coordinatorId: true, visitType: true }).shape;

export const visitChangeSchema = z
  .object({
    version: jsonVersion,
    reason: reasonText.optional().describe("Required to cancel or to edit details; optional when marking missed; not taken when completing."),
    visitStatus: z.enum(["completed", "missed", "canceled"]).optional(),
    completedAt: dateTime("time the visit was completed")
      .optional()
      .describe("With `visitStatus: completed`: when it took place (default now). ISO 8601 with a zone, or site-local YYYY-MM-DDTHH:mm."),
    scheduledAt: details.scheduledAt.describe("A new time: reschedules the visit. ISO 8601 with a zone, or site-local YYYY-MM-DDTHH:mm."),
    location: details.location.describe("Where the visit takes place; null clears it."),
    coordinatorId: details.coordinatorId.describe("An active coordinator or investigator of the visit's site."),
    visitType: details.visitType,
  })
  .strict();
export type VisitChange = z.output<typeof visitChangeSchema>;

const DETAILS = ["scheduledAt", "location", "coordinatorId", "visitType"] as const;

export async function changeVisit(actor: Actor, id: string, input: unknown): Promise<Visit> {
  const change = parseOrThrow(visitChangeSchema, input);
  const { version, reason, visitStatus, completedAt } = change;
  const edits = statusOrEdits(change, "visitStatus", DETAILS);
  if (completedAt !== undefined && visitStatus !== "completed") {
    throw new ValidationError("A completion time goes with `visitStatus: completed`.", { completedAt: ["Send it with visitStatus \"completed\"."] });
  }
  switch (visitStatus) {
    case "completed":
      if (reason !== undefined) throw new ValidationError("Completing a visit takes no reason.", { reason: ["Leave the reason out when completing."] });
      return completeVisit(actor, { id, version, completedAt });
    case "missed":
      return missVisit(actor, { id, version, reason: reason ?? null });
    case "canceled":
      return cancelVisit(actor, { id, version, reason });
  }
  if (edits.length === 0) {
    throw new ValidationError("Nothing to change.", { form: ["Send a visitStatus, or a new scheduledAt, location, coordinatorId or visitType."] });
  }
  return editVisit(actor, { id, version, reason, ...Object.fromEntries(edits.map((f) => [f, change[f]])) });
}
