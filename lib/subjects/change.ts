/**
 * What a change to a subject means, decided once for every transport (REST PATCH, GraphQL): a
 * `status` moves the subject through its life — enrolled, withdrawn, completed, lost to
 * follow-up — and travels alone; otherwise the fields sent are edited, with a reason, and the rest
 * keep their values (read with the subject page's own query, guarded by the version check inside the write).
 */
import "server-only";
import { z } from "zod";
import type { Subject } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ValidationError } from "../errors";
import { authorizeAttempt } from "../policy";
import { isoDate, jsonVersion, reasonText } from "../validation/fields";
import { statusOrEdits } from "../validation/status-or-edits";
import { subjectJsonFields as field } from "../validation/subject";
import { enrollSubject } from "./enroll";
import { exitSubject } from "./exit";
import { getSubject } from "./queries";
import { updateSubject } from "./update";
import { withdrawSubject } from "./withdraw";

export const subjectChangeSchema = z
  .object({
    version: jsonVersion,
    reason: reasonText.optional().describe("Required for edits, withdrawal, completion and loss to follow-up."),
    subjectId: field.subjectId.optional(),
    fullName: field.fullName.optional(),
    coordinatorId: field.coordinatorId.optional(),
    dob: field.dob.optional(),
    sexAtBirth: field.sexAtBirth.optional(),
    consentSignedAt: field.consentSignedAt.nullable().optional().describe("Null: not signed."),
    status: z.enum(["enrolled", "withdrawn", "completed", "lost_to_follow_up"]).optional(),
    exitDate: isoDate("date").optional().describe("With `status: completed` or `lost_to_follow_up`: the site-local day (default today)."),
  })
  .strict();

const EDITABLE = ["subjectId", "fullName", "coordinatorId", "dob", "sexAtBirth", "consentSignedAt"] as const;

export async function changeSubject(actor: Actor, id: string, input: unknown): Promise<Subject> {
  const change = parseOrThrow(subjectChangeSchema, input);
  const { version, reason, status, exitDate } = change;
  const edits = statusOrEdits(change, "status", EDITABLE);
  if (exitDate !== undefined && status !== "completed" && status !== "lost_to_follow_up") {
    throw new ValidationError("An exit date goes with `status: completed` or `lost_to_follow_up`.", { exitDate: ["Send it with that status."] });
  }
  switch (status) {
    case "enrolled":
      return (await enrollSubject(actor, { id, version })).subject;
    case "withdrawn":
      return (await withdrawSubject(actor, { id, version, reason })).subject;
    case "completed":
    case "lost_to_follow_up":
      return (await exitSubject(actor, status, { id, version, reason, exitDate })).subject;
  }
  if (edits.length === 0) throw new ValidationError("Nothing to change.", { form: ["Send at least one field to change."] });
  // The edit takes the whole record: what was not sent keeps its current value (read once the
  // role is known to edit at all, so a sponsor hears "forbidden", not "not found").
  authorizeAttempt(actor, "subject.update");
  const now = await getSubject(actor, id);
  return updateSubject(actor, {
    id,
    version,
    reason,
    subjectId: change.subjectId ?? now.subjectId,
    fullName: change.fullName ?? now.fullName,
    coordinatorId: change.coordinatorId ?? now.coordinatorId,
    dob: change.dob ?? now.dob,
    sexAtBirth: change.sexAtBirth ?? now.sexAtBirth,
    consentSignedAt: change.consentSignedAt !== undefined ? change.consentSignedAt : (now.consentSignedAt?.toISOString() ?? null),
  });
}
