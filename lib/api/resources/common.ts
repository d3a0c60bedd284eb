/**
 * Pieces every API resource shares: the zod types of its JSON fields, of the records other
 * resources embed through `include` (their columns and joins come from lib/read-model), and the
 * PATCH conventions.
 */
import { z } from "zod";
import { jsonVersion, reasonText } from "../../validation/fields";

export const uuid = z.uuid();
export const instant = z.iso.datetime({ offset: true }).describe("An instant, ISO 8601 with a zone.");
export const calendarDate = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
export const meta = { id: uuid, version: z.number().int(), createdAt: instant, updatedAt: instant };
/** A retirable record's retire facts: null while it is in use; lists show retired records only when asked (`retired`). */
export const retiredFields = {
  retiredAt: instant.nullable().describe("When it was retired as entered in error; null while in use."),
  retiredById: uuid.nullable().describe("Who retired it."),
  retireReason: z.string().nullable().describe("Why it was retired (free text); null for sponsors."),
};

/** A 404 for anything that is not even shaped like an id, exactly like a foreign site's id. */
export { isUuid } from "../../validation/fields";

// ------------------------------------------------------------------ embedded records

export const EmbeddedStudy = z.object({ id: uuid, protocolId: z.string(), title: z.string(), status: z.string(), siteId: uuid });

export const EmbeddedUser = z.object({ id: uuid, username: z.string(), displayName: z.string() });

export const EmbeddedSubject = z.object({
  id: uuid,
  subjectId: z.string(),
  fullName: z.string().nullable().describe("Null for sponsors."),
  dob: z.string().nullable().describe("YYYY-MM-DD; the year only for sponsors."),
  sexAtBirth: z.string().nullable(),
  screeningStatus: z.string(),
  status: z.string(),
  studyId: uuid,
});

// ------------------------------------------------------------------ PATCH

// Built from the same pieces as the forms' schemas (lib/validation/fields.ts): the same limits and messages.
export const versionField = jsonVersion;
export const reasonField = reasonText.describe("Reason for the change (required for edits of clinical records).");

