/**
 * zod schemas for subjects, shared by the forms, the server actions and (later) the REST API.
 * Checks that need the database or the site's clock (Subject ID unique in the study, date of
 * birth in the past at the site, consent not in the future) live in lib/subjects/rules.ts.
 */
import { z } from "zod";
import { SCREENING_STATUSES, SEXES_AT_BIRTH } from "@/domain/vocabulary";
import { blankAsMissing, dateTime, isoDate, nullableField, reason, recordId, requiredText, version } from "./fields";

/** A subject's fields as JSON carries them; the API's PATCH body is built from these. */
export const subjectJsonFields = {
  subjectId: requiredText("Enter the subject ID.", 40).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "Use letters, digits, dots, dashes or slashes."),
  fullName: requiredText("Enter the full name.", 120),
  coordinatorId: recordId("Choose a coordinator."),
  dob: isoDate("date of birth"),
  sexAtBirth: z.enum(SEXES_AT_BIRTH, { error: "Choose the sex at birth." }),
  /**
   * A site-local time (the form) or an ISO instant (the API); converted to an instant with the
   * study site's zone by lib/subjects/rules.ts.
   */
  consentSignedAt: dateTime("time consent was signed"),
};

const subjectRecordId = recordId("Choose an existing subject.");

const subjectFields = {
  ...subjectJsonFields,
  /** Not signed yet: blank. */
  consentSignedAt: nullableField(subjectJsonFields.consentSignedAt),
};

export const createSubjectSchema = z
  .object({
    ...subjectFields,
    studyId: recordId("Choose a study."),
    screeningStatus: blankAsMissing(z.enum(SCREENING_STATUSES, { error: "Choose a screening status." }).default("pending")),
  })
  .strict();
export type CreateSubjectInput = z.input<typeof createSubjectSchema>;

/** The study cannot change after creation: the subject's screenings, visits and AEs belong to it. */
export const updateSubjectSchema = z
  .object({ ...subjectFields, id: subjectRecordId, version, reason: reason() })
  .strict();
export type UpdateSubjectInput = z.input<typeof updateSubjectSchema>;

export const enrollSubjectSchema = z.object({ id: subjectRecordId, version }).strict();

export const withdrawSubjectSchema = z
  .object({
    id: subjectRecordId,
    version,
    reason: reason("Give the reason for withdrawal."),
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
