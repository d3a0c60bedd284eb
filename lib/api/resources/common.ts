/**
 * Pieces every API resource shares: the zod types of its JSON fields, the records other resources
 * embed through `include` (selected by the same query as the list, never one query per row, and
 * de-identified for sponsors in SQL), and the PATCH conventions.
 */
import "server-only";
import { z } from "zod";
import type { ColumnBaseConfig } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { studies, subjects } from "@/db/schema";
import type { Actor } from "../../actor";
import { birthDate, identifying, identifyingInstant } from "../../deidentify-sql";
import { ConflictError } from "../../errors";
import { jsonVersion, reasonText } from "../../validation/fields";

export const uuid = z.uuid();
export const instant = z.iso.datetime({ offset: true }).describe("An instant, ISO 8601 with a zone.");
export const calendarDate = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
export const meta = { id: uuid, version: z.number().int(), createdAt: instant, updatedAt: instant };

/** A 404 for anything that is not even shaped like an id, exactly like a foreign site's id. */
export { isUuid } from "../../validation/fields";

// ------------------------------------------------------------------ embedded records

export const EmbeddedStudy = z.object({ id: uuid, protocolId: z.string(), title: z.string(), status: z.string(), siteId: uuid });
export const embeddedStudyColumns = () => ({
  id: studies.id,
  protocolId: studies.protocolId,
  title: studies.title,
  status: studies.status,
  siteId: studies.siteId,
});

export const EmbeddedUser = z.object({ id: uuid, username: z.string(), displayName: z.string() });
type UserColumn<D> = PgColumn<ColumnBaseConfig<"string", string> & { data: D }>;
export function embeddedUserColumns(table: { id: UserColumn<string>; username: UserColumn<string>; displayName: UserColumn<string> }) {
  return { id: table.id, username: table.username, displayName: table.displayName };
}

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
export function embeddedSubjectColumns(actor: Actor) {
  return {
    id: subjects.id,
    subjectId: subjects.subjectId,
    fullName: identifying(actor, subjects.fullName),
    dob: birthDate(actor, subjects.dob),
    sexAtBirth: subjects.sexAtBirth,
    screeningStatus: subjects.screeningStatus,
    status: subjects.status,
    studyId: subjects.studyId,
  };
}

/** Subject columns of the subject resource itself (shared by its list, get and embeds). */
export function subjectColumns(actor: Actor) {
  return {
    ...embeddedSubjectColumns(actor),
    siteId: subjects.siteId,
    coordinatorId: subjects.coordinatorId,
    consentSignedAt: identifyingInstant(actor, subjects.consentSignedAt),
    enrolledAt: subjects.enrolledAt,
    withdrawnAt: subjects.withdrawnAt,
    withdrawalReason: identifying(actor, subjects.withdrawalReason),
    version: subjects.version,
    createdAt: subjects.createdAt,
    updatedAt: subjects.updatedAt,
  };
}

// ------------------------------------------------------------------ PATCH

// Built from the same pieces as the forms' schemas (lib/validation/fields.ts): the same limits and messages.
export const versionField = jsonVersion;
export const reasonField = reasonText.describe("Reason for the change (required for edits of clinical records).");

/** A 409 carries the record as the API shows it now, not the raw table row. */
export async function withApiCurrent<T>(write: () => Promise<T>, current: () => Promise<unknown>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError(error.message, await current());
    throw error;
  }
}

