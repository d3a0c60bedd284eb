/**
 * zod schemas for adverse events, shared by the report/edit forms, their server actions and
 * (later) the REST API. They check the shape of each field and the rules that need nothing but
 * the record itself (serious ⇔ criteria, end ≥ onset). Rules that depend on the subject and the
 * site's clock — onset after consent, nothing in the future, awareness after onset — are in
 * `aeDateErrors` below, run by lib/adverse-events once the subject's site is known.
 */
import { z } from "zod";
import {
  AE_OUTCOMES,
  AE_STATUSES,
  SERIOUSNESS_CRITERIA,
  SEVERITIES,
  type AdverseEvent,
} from "@/db/schema";
import type { FieldErrors } from "../errors";
import { isIsoDate, localDate, localDateTimeToInstant, type IsoDate } from "../dates";

/** "" (an empty form field) and undefined mean "not given". */
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
/** For optional columns: "" clears the value (null); undefined leaves it alone (on an edit). */
const blankToNull = (v: unknown) => (v === "" ? null : v);

const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .refine((v) => v === "" || isIsoDate(v), `Enter the ${label} as a date (YYYY-MM-DD).`);

/** A checkbox: "on" (HTML), "true"/"false" (query strings, API), or a boolean. */
const checkbox = z.preprocess(
  (v) => (v === "on" || v === "true" || v === true ? true : v === undefined || v === "" || v === "false" || v === false ? false : v),
  z.boolean({ error: "Tick or untick Serious." }),
);

/** One value or several (FormData.getAll gives an array; a single checkbox may give a string). */
const criteria = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(SERIOUSNESS_CRITERIA, { error: "Choose criteria from the list." }))
    .transform((list) => SERIOUSNESS_CRITERIA.filter((c) => list.includes(c))),
);

/**
 * "YYYY-MM-DDTHH:mm" as typed at the site (a datetime-local input), or an ISO 8601 instant with
 * its offset (API clients). Turned into an instant by `awareAtInstant` once the site is known.
 */
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const awareAt = z
  .string({ error: "Enter when the site learnt of the event." })
  .trim()
  .refine(
    (v) => LOCAL_DATETIME.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success,
    "Enter a date and time (YYYY-MM-DDTHH:mm).",
  );

const grade = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Choose a CTCAE grade from 1 to 5." })
    .int("Choose a CTCAE grade from 1 to 5.")
    .min(1, "Choose a CTCAE grade from 1 to 5.")
    .max(5, "Choose a CTCAE grade from 1 to 5."),
);

/** The clinical fields a person enters, shared by report and edit. */
const aeFields = {
  eventTerm: z
    .string({ error: "Enter the event term." })
    .trim()
    .min(1, "Enter the event term.")
    .max(200, "Use at most 200 characters."),
  severity: z.enum(SEVERITIES, { error: "Choose the severity." }),
  grade,
  serious: checkbox,
  seriousnessCriteria: criteria,
  onsetDate: isoDate("onset date"),
  awareAt: z.preprocess(blankToUndefined, awareAt.optional()),
  outcome: z.preprocess(blankToNull, z.enum(AE_OUTCOMES, { error: "Choose an outcome from the list." }).nullable().optional()),
  endDate: z.preprocess(blankToNull, isoDate("end date").nullable().optional()),
  status: z.preprocess(blankToUndefined, z.enum(AE_STATUSES, { error: "Choose a status." }).optional()),
};

/** Rules inside one record; also run on an edit after merging the changes into the stored record. */
export function aeRecordErrors(ae: {
  serious: boolean;
  seriousnessCriteria: readonly string[];
  onsetDate: IsoDate;
  endDate?: IsoDate | null;
}): FieldErrors {
  const errors: FieldErrors = {};
  if (ae.serious && ae.seriousnessCriteria.length === 0) {
    errors.seriousnessCriteria = ["Choose at least one seriousness criterion for a serious event."];
  }
  if (!ae.serious && ae.seriousnessCriteria.length > 0) {
    errors.seriousnessCriteria = ["Seriousness criteria apply only to a serious event: tick Serious or clear them."];
  }
  if (ae.endDate && ae.endDate < ae.onsetDate) errors.endDate = ["The end date cannot be before the onset date."];
  return errors;
}

function withRecordRules<T extends z.ZodType<{ serious?: boolean; seriousnessCriteria?: string[]; onsetDate?: string; endDate?: string | null }>>(schema: T) {
  return schema.superRefine(
    (v, ctx) => {
      // Runs even when other fields failed, so every problem shows at once; only well-formed values are compared.
      const criteria = Array.isArray(v.seriousnessCriteria) ? v.seriousnessCriteria : [];
      const errors = aeRecordErrors({
        serious: v.serious === true,
        seriousnessCriteria: criteria,
        onsetDate: typeof v.onsetDate === "string" && isIsoDate(v.onsetDate) ? v.onsetDate : "",
        endDate: typeof v.endDate === "string" && isIsoDate(v.endDate) && typeof v.onsetDate === "string" && isIsoDate(v.onsetDate) ? v.endDate : null,
      });
      for (const [path, messages] of Object.entries(errors)) {
        for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
      }
    },
    { when: () => true },
  );
}

export const reportAdverseEventSchema = withRecordRules(
  z
    .object({
      subjectId: z.uuid("Choose a subject."),
      ...aeFields,
    })
    .strict(),
);
export type ReportAdverseEventInput = z.input<typeof reportAdverseEventSchema>;

/**
 * An edit names the version it started from and a reason for change. Fields left out keep their
 * stored values (an API PATCH); the edit form sends them all.
 */
export const updateAdverseEventSchema = z
  .object({
    id: z.uuid("Choose an existing adverse event."),
    version: z.coerce.number({ error: "The form is out of date; reload the page." }).int().positive(),
    reason: z
      .string({ error: "Give a reason for the change." })
      .trim()
      .min(1, "Give a reason for the change.")
      .max(1000, "Use at most 1000 characters."),
    eventTerm: aeFields.eventTerm.optional(),
    severity: aeFields.severity.optional(),
    grade: z.preprocess(blankToUndefined, grade.optional()),
    serious: checkbox.optional(),
    seriousnessCriteria: criteria.optional(),
    onsetDate: aeFields.onsetDate.optional(),
    awareAt: aeFields.awareAt,
    outcome: aeFields.outcome,
    endDate: aeFields.endDate,
    status: aeFields.status,
  })
  .strict();
export type UpdateAdverseEventInput = z.input<typeof updateAdverseEventSchema>;

/** The awareness time as an instant: a site-local "YYYY-MM-DDTHH:mm", or an ISO instant as is. */
export function awareAtInstant(value: string, timeZone: string): Date | null {
  if (LOCAL_DATETIME.test(value)) return localDateTimeToInstant(value, timeZone);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A minute of clock difference between a browser and the server is not "the future". */
const CLOCK_SKEW_MS = 60_000;

/**
 * Rules that need the subject and the site's clock. `check` names which ones apply: an edit only
 * re-checks the fields it changes, so a later correction of the consent date does not block an
 * unrelated edit of the severity.
 */
export function aeDateErrors(
  ae: Pick<AdverseEvent, "onsetDate" | "endDate" | "awareAt">,
  context: { timeZone: string; consentSignedAt: Date | null; now: Date },
  check: { onsetDate: boolean; endDate: boolean; awareAt: boolean } = { onsetDate: true, endDate: true, awareAt: true },
): FieldErrors {
  const errors: FieldErrors = {};
  const today = localDate(context.now, context.timeZone);
  if (check.onsetDate) {
    if (ae.onsetDate > today) errors.onsetDate = ["The onset date cannot be in the future."];
    else if (context.consentSignedAt) {
      const consentDate = localDate(context.consentSignedAt, context.timeZone);
      if (ae.onsetDate < consentDate) errors.onsetDate = [`The onset date cannot be before consent (${consentDate}).`];
    }
  }
  if (check.endDate && ae.endDate && ae.endDate > today) errors.endDate = ["The end date cannot be in the future."];
  if (check.awareAt || check.onsetDate) {
    if (ae.awareAt.getTime() > context.now.getTime() + CLOCK_SKEW_MS) {
      errors.awareAt = ["The awareness time cannot be in the future."];
    } else if (localDate(ae.awareAt, context.timeZone) < ae.onsetDate) {
      (errors.awareAt ??= []).push("The site cannot have learnt of the event before its onset date.");
    }
  }
  return errors;
}
