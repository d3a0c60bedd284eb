/**
 * The zod pieces every schema is built from — forms, lib functions and the API's PATCH bodies — so
 * a blank box, a record's version, a reason for change, an id and a date mean the same thing and
 * read the same everywhere. Client components import schemas built from these (field labels, the
 * subject form), so this module stays free of server code.
 */
import { z } from "zod";
import { isIsoDate } from "../dates";

// ---------------------------------------------------------------- blank handling

/**
 * "Not given": absent, null, or a string of nothing but spaces. A form sends every box as text,
 * so an empty box arrives as "" where a JSON client would leave the key out; both mean the same.
 */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A field that may be left out: blank becomes undefined (the lib applies its default). */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (isBlank(v) ? undefined : v), schema.optional());
}

/**
 * Blank counts as missing, and the schema decides what missing means: its own "enter …" message,
 * or its default. (z.coerce would otherwise read an empty box as 0.)
 */
export function blankAsMissing<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (isBlank(v) ? undefined : v), schema);
}

/** A column that may hold nothing: blank, or left out, is stored as null. */
export function nullableField<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (isBlank(v) ? null : v), schema.nullable());
}

/**
 * An optional column on an edit: left out keeps the stored value (undefined, as in an API PATCH),
 * sent blank or null clears it (null), anything else is checked.
 */
export function clearableField<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === undefined ? undefined : isBlank(v) ? null : v), schema.nullable().optional());
}

// ---------------------------------------------------------------- text

/** Trimmed text that must be given: `prompt` says what to enter, `max` caps its length. */
export function requiredText(prompt: string, max: number) {
  // abort: an empty box gets its prompt alone, not also the format rules chained after it.
  return z.string({ error: prompt }).trim().min(1, { error: prompt, abort: true }).max(max, `Use at most ${max} characters.`);
}

/** Trimmed text that may be left blank (then undefined). */
export function optionalText(max: number) {
  return optionalField(z.string().trim().max(max, `Use at most ${max} characters.`));
}

// ---------------------------------------------------------------- reason for change

/** One limit for every reason a person gives: for a change, a withdrawal, a cancellation, a retirement. */
export const REASON_MAX_LENGTH = 1000;

/** A reason that must be given; `prompt` names what it is for ("Give the reason for withdrawal."). */
export function reason(prompt = "Give a reason for the change.") {
  return requiredText(prompt, REASON_MAX_LENGTH);
}

/** The text of a reason, not yet required (an API PATCH where only some changes need one). */
export const reasonText = z.string().trim().max(REASON_MAX_LENGTH, `Use at most ${REASON_MAX_LENGTH} characters.`);

/** A reason a person may leave out: blank becomes undefined. */
export const optionalReason = optionalField(reasonText);

/** A reason stored as given or as null (a visit marked missed without one). */
export const nullableReason = nullableField(reasonText);

// ---------------------------------------------------------------- record version

/** Every edit names the version it started from (optimistic concurrency); a stale one is a conflict. */
const FORM_VERSION_MESSAGE = "This form is missing the record's version: reload the page and try again.";
const JSON_VERSION_MESSAGE = "Send the record's version as you read it (a whole number).";

/** The version from a form (text in a hidden field) or a lib caller (a number). */
export const version = z.coerce
  .number({ error: FORM_VERSION_MESSAGE })
  .int(FORM_VERSION_MESSAGE)
  .positive(FORM_VERSION_MESSAGE);

/** The version in a JSON body: a number, strictly — a string there is a client's bug. */
export const jsonVersion = z
  .number({ error: JSON_VERSION_MESSAGE })
  .int(JSON_VERSION_MESSAGE)
  .positive(JSON_VERSION_MESSAGE)
  .describe("The version you read; a stale one gets 409.");

// ---------------------------------------------------------------- ids

/** The shape PostgreSQL accepts for a uuid column, so an id that fails here can never match a row. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL or a query string is shaped like an id (else: not found, no query). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

/** A reference to a record; `message` says what to choose ("Choose a subject."). */
export function recordId(message = "Choose an existing record.") {
  return z.uuid(message);
}

// ---------------------------------------------------------------- dates and times

/** A calendar date that must be given, "YYYY-MM-DD"; `label` names it ("onset date"). */
export function isoDate(label: string) {
  const prompt = `Enter the ${label}.`;
  return z.string({ error: prompt }).trim().min(1, { error: prompt, abort: true }).refine(isIsoDate, `Enter the ${label} as YYYY-MM-DD.`);
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Times arrive as "YYYY-MM-DDTHH:mm" typed at the site (a datetime-local input), or as an ISO 8601
 * instant with a zone (API clients). Only the shape is checked here: the lib turns the text into an
 * instant once it knows the site's zone, and refuses a time that does not exist there.
 */
export function isLocalDateTime(value: string): boolean {
  return LOCAL_DATE_TIME.test(value);
}

/** Either shape of a date and time (see above), on a day the calendar has ("06-31" rolls over in Date). */
export function isDateTimeText(value: string): boolean {
  if (!LOCAL_DATE_TIME.test(value) && !ZONED_DATE_TIME.test(value)) return false;
  const hour = Number(value.slice(11, 13));
  const minute = Number(value.slice(14, 16));
  return isIsoDate(value.slice(0, 10)) && hour < 24 && minute < 60;
}

/** A date and time that must be given; `label` names it ("date and time of the visit"). */
export function dateTime(label: string) {
  const prompt = `Enter the ${label}.`;
  return z.string({ error: prompt }).trim().min(1, { error: prompt, abort: true }).refine(isDateTimeText, `Enter the ${label} as YYYY-MM-DDTHH:mm.`);
}
