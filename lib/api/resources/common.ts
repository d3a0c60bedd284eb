/**
 * Pieces every API resource shares: the zod types of its JSON fields, of the records other
 * resources embed through `include` (their columns and joins come from lib/read-model), and the
 * PATCH conventions.
 */
import { z } from "zod";
import { STUDY_EMBED, studyModel } from "../../read-model/study";
import { SUBJECT_EMBED, subjectModel } from "../../read-model/subject";
import { jsonVersion, reasonText } from "../../validation/fields";
import { instant, uuid } from "./json-types";
import { modelFields } from "./model-fields";

export { calendarDate, instant, uuid } from "./json-types";
export { modelFields, modelSchema } from "./model-fields";

/** A record's identity and version, for resources without a read model of their own. */
export const meta = { id: uuid, version: z.number().int(), createdAt: instant, updatedAt: instant };
/** Every resource's own columns start with these. */
export const RECORD_FIELDS = ["id", "version", "createdAt", "updatedAt"] as const;
/** A retirable record's retire facts: null while it is in use; lists show retired records only when asked (`retired`). */
export const RETIRE_NOTES = {
  retiredAt: "When it was retired as entered in error; null while in use.",
  retiredById: "Who retired it.",
  retireReason: "Why it was retired (free text).",
};

/** A 404 for anything that is not even shaped like an id, exactly like a foreign site's id. */
export { isUuid } from "../../validation/fields";

// ------------------------------------------------------------------ embedded records

export const EmbeddedStudy = z.object(modelFields(studyModel, STUDY_EMBED));

export const EmbeddedUser = z.object({ id: uuid, username: z.string(), displayName: z.string() });

export const EmbeddedSubject = z.object(modelFields(subjectModel, SUBJECT_EMBED));

// ------------------------------------------------------------------ PATCH

// Built from the same pieces as the forms' schemas (lib/validation/fields.ts): the same limits and messages.
export const versionField = jsonVersion;
export const reasonField = reasonText.describe("Reason for the change (required for edits of clinical records).");

