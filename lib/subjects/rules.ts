/**
 * Subject rules that need the database or the site's clock, shared by create, update, enroll and
 * withdraw. Each failure is a ValidationError keyed by the form field it is about.
 */
import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { STUDY_STATUSES, subjects } from "@/db/schema";
import { isActiveSiteStaff } from "../users/site-staff";
import { localDateTimeToInstant, siteToday } from "../dates";
import { ValidationError } from "../errors";

export const FIX_FIELDS = "Please correct the highlighted fields.";

type StudyStatus = (typeof STUDY_STATUSES)[number];

/** Studies that still take subjects in (ClinicalTrials.gov statuses; closed ones do not). */
export const STUDY_STATUSES_OPEN: readonly StudyStatus[] = ["not_yet_recruiting", "recruiting", "active_not_recruiting"];

export function studyIsOpen(status: StudyStatus): boolean {
  return STUDY_STATUSES_OPEN.includes(status);
}

/** Collects field errors so one submission reports every problem at once. */
export class FieldProblems {
  private readonly errors: Record<string, string[]> = {};
  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }
  throwIfAny(message = FIX_FIELDS): void {
    if (Object.keys(this.errors).length > 0) throw new ValidationError(message, this.errors);
  }
}

/** The consent instant from a site-local "YYYY-MM-DDTHH:mm" or an ISO instant; null when not given. */
export function consentInstant(value: string | null, timeZone: string): Date | null | "invalid" {
  if (value === null) return null;
  const local = localDateTimeToInstant(value, timeZone);
  if (local) return local;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return "invalid";
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? "invalid" : instant;
}

/** Date of birth strictly before the site's today; consent not in the future and not before birth. */
export function checkDates(
  problems: FieldProblems,
  fields: { dob: string; consentSignedAt: string | null },
  timeZone: string,
  now = new Date(),
): Date | null {
  if (fields.dob >= siteToday(timeZone, now)) problems.add("dob", "The date of birth must be in the past.");
  else if (fields.dob < "1900-01-01") problems.add("dob", "Check the year of birth.");
  const consent = consentInstant(fields.consentSignedAt, timeZone);
  if (consent === "invalid") {
    problems.add("consentSignedAt", "Enter a date and time.");
    return null;
  }
  if (consent && consent.getTime() > now.getTime()) {
    problems.add("consentSignedAt", "Consent cannot be signed in the future.");
  }
  return consent;
}

/** The subject's coordinator: an active coordinator or investigator of the study's site. */
export async function checkCoordinator(tx: DbOrTx, problems: FieldProblems, coordinatorId: string, siteId: string) {
  if (!(await isActiveSiteStaff(tx, siteId, coordinatorId))) problems.add("coordinatorId", "Choose an active coordinator or investigator of this study's site.");
}

export const SUBJECT_ID_TAKEN = "Subject ID already used in this study.";

/** Subject ID unique within the study (the database enforces it too; this gives the field message). */
export async function checkSubjectIdFree(
  tx: DbOrTx,
  problems: FieldProblems,
  studyId: string,
  subjectId: string,
  exceptId?: string,
) {
  const [row] = await tx
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(eq(subjects.studyId, studyId), eq(subjects.subjectId, subjectId), exceptId ? ne(subjects.id, exceptId) : undefined));
  if (row) problems.add("subjectId", SUBJECT_ID_TAKEN);
}
