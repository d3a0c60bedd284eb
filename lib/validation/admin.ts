/** zod schemas for study setup (sites, studies, visit schedules, sponsor access) and password resets. */
import { z } from "zod";
import { STUDY_STATUSES, VISIT_TYPES } from "@/domain/vocabulary";
import { reason, recordId, blankAsMissing, requiredText, version } from "./fields";
import { passwordSchema } from "./user";

const uuid = recordId();
const text = (label: string, max: number) => requiredText(`Enter the ${label}.`, max);

/** IANA names the runtime knows (Intl), so a site's clock is never a typo. */
export function isTimeZone(value: string): boolean {
  return Intl.supportedValuesOf("timeZone").includes(value) || value === "UTC";
}

export const siteFields = z.object({
  name: text("site name", 120),
  timezone: z
    .string({ error: "Choose a time zone." })
    .trim()
    .refine(isTimeZone, "Choose a time zone from the list (for example Europe/London)."),
});
export const createSiteSchema = siteFields.strict();
/** The admin form sends both fields; the API only those it changes (the rest keep their values). */
export const updateSiteSchema = siteFields.partial().extend({ id: uuid, version }).strict();

export const studyFields = z.object({
  protocolId: text("protocol ID", 40),
  title: text("title", 300),
  status: z.enum(STUDY_STATUSES, { error: "Choose a status." }),
  principalInvestigatorId: recordId("Choose the principal investigator."),
  siteId: recordId("Choose a site."),
});
export const createStudySchema = studyFields.strict();
/** The admin form sends every field; the API only those it changes (the rest keep their values). */
export const updateStudySchema = studyFields.partial().extend({ id: uuid, version }).strict();

/** Whole days; FormData sends strings, so coerce (an empty box is "", which must not become 0). */
const days = (label: string, min: number) =>
  blankAsMissing(
    z.coerce
      .number({ error: `Enter the ${label} in days.` })
      .int(`Enter whole days.`)
      .min(min, min === 0 ? "Use 0 or more days." : `Use at least ${min} days.`)
      .max(3650, "Use at most 3650 days."),
  );

export const scheduleItemFields = z.object({
  code: z
    .string({ error: "Enter a code." })
    .trim()
    .min(1, "Enter a code.")
    .max(20, "Use at most 20 characters.")
    .regex(/^[A-Za-z0-9._-]*$/, "Use letters, digits, dots, dashes or underscores only."),
  name: text("visit name", 120),
  visitType: z.enum(VISIT_TYPES, { error: "Choose a visit type." }),
  dayOffset: days("day offset", -3650),
  windowBefore: days("window before", 0),
  windowAfter: days("window after", 0),
  sortOrder: blankAsMissing(
    z.coerce.number({ error: "Enter the order." }).int("Enter a whole number.").min(1, "Use 1 or more.").max(999, "Use at most 999."),
  ),
});
export const addScheduleItemSchema = scheduleItemFields.extend({ studyId: uuid }).strict();
export const updateScheduleItemSchema = scheduleItemFields.extend({ id: uuid, version }).strict();
/**
 * The API's PATCH: only the fields sent change. The editor keeps the full schema above, so a box
 * left empty there is an error rather than "keep the old value".
 */
export const changeScheduleItemSchema = scheduleItemFields.partial().extend({ id: uuid, version }).strict();
export const retireScheduleItemSchema = z
  .object({ id: uuid, version, reason: reason("Give the reason for retiring this visit.") })
  .strict();

export const sponsorAccessSchema = z
  .object({ studyId: uuid, userId: recordId("Choose a sponsor.") })
  .strict();

/** An admin sets a temporary password; it is typed twice so a slip does not lock the person out. */
export const resetPasswordFields = z.object({ version, password: passwordSchema, confirmPassword: z.string() }).strict();
export const resetPasswordSchema = resetPasswordFields
  .extend({ userId: uuid })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });
