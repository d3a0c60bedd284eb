/**
 * zod schemas for subjects, shared by the forms, the server actions and (later) the REST API.
 * Checks that need the database or the site's clock (Subject ID unique in the study, date of
 * birth in the past at the site, consent not in the future) live in lib/subjects/rules.ts.
 */
import { z } from "zod";
import { SCREENING_STATUSES, SEXES_AT_BIRTH } from "@/db/schema";
import { isIsoDate } from "../dates";

const uuid = (message: string) => z.uuid(message);
const version = z.coerce.number({ error: "Missing record version." }).int().positive();
/** Empty or absent fields mean "not given". */
const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

export const reasonSchema = z
  .string({ error: "Give a reason for the change." })
  .trim()
  .min(1, "Give a reason for the change.")
  .max(500, "Use at most 500 characters.");

const subjectIdSchema = z
  .string({ error: "Enter the subject ID." })
  .trim()
  .min(1, "Enter the subject ID.")
  .max(40, "Use at most 40 characters.")
  .regex(/^$|^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "Use letters, digits, dots, dashes or slashes.");

const fullNameSchema = z
  .string({ error: "Enter the full name." })
  .trim()
  .min(1, "Enter the full name.")
  .max(120, "Use at most 120 characters.");

const dobSchema = z
  .string({ error: "Enter the date of birth." })
  .trim()
  .refine((v) => v !== "", "Enter the date of birth.")
  .refine((v) => v === "" || isIsoDate(v), "Enter a date as YYYY-MM-DD.");

/**
 * "Consent signed at": a site-local "YYYY-MM-DDTHH:mm" (the form's datetime-local input) or an
 * ISO instant with a zone (the API). Converted to an instant with the study site's zone later.
 */
const consentSchema = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .refine(
      (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) || (/(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))),
      "Enter a date and time.",
    )
    .nullable(),
);

const sexSchema = z.enum(SEXES_AT_BIRTH, { error: "Choose the sex at birth." });

const subjectFields = {
  subjectId: subjectIdSchema,
  fullName: fullNameSchema,
  coordinatorId: uuid("Choose a coordinator."),
  dob: dobSchema,
  sexAtBirth: sexSchema,
  consentSignedAt: consentSchema,
};

export const createSubjectSchema = z
  .object({
    ...subjectFields,
    studyId: uuid("Choose a study."),
    screeningStatus: z.preprocess(
      (v) => blankToNull(v) ?? undefined,
      z.enum(SCREENING_STATUSES, { error: "Choose a screening status." }).default("pending"),
    ),
  })
  .strict();
export type CreateSubjectInput = z.input<typeof createSubjectSchema>;

/** The study cannot change after creation: the subject's screenings, visits and AEs belong to it. */
export const updateSubjectSchema = z
  .object({ ...subjectFields, id: uuid("Unknown subject."), version, reason: reasonSchema })
  .strict();
export type UpdateSubjectInput = z.input<typeof updateSubjectSchema>;

export const enrollSubjectSchema = z.object({ id: uuid("Unknown subject."), version }).strict();

export const withdrawSubjectSchema = z
  .object({
    id: uuid("Unknown subject."),
    version,
    reason: z
      .string({ error: "Give the reason for withdrawal." })
      .trim()
      .min(1, "Give the reason for withdrawal.")
      .max(500, "Use at most 500 characters."),
  })
  .strict();

/** Labels of the form fields, in form order (shared by the forms and the conflict notice). */
export const SUBJECT_FIELD_LABELS = {
  subjectId: "Subject ID",
  fullName: "Full name",
  studyId: "Study",
  coordinatorId: "Coordinator",
  dob: "Date of birth",
  sexAtBirth: "Sex at birth",
  consentSignedAt: "Consent signed at",
  screeningStatus: "Screening status",
} as const;
