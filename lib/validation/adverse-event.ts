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
} from "@/domain/vocabulary";
import type { AdverseEvent } from "@/db/schema";
import type { FieldErrors } from "../errors";
import { isIsoDate, localDate, localDateTimeToInstant, type IsoDate } from "../dates";
import { blankAsMissing, clearableField, dateTime, isLocalDateTime, isoDate, optionalField, reason, recordId, requiredText, version } from "./fields";

/**
 * The AE's fields as JSON carries them: the API's PATCH body is built from these, and the form
 * schemas below wrap them for what a form sends (text for numbers and ticks, blanks).
 */
const GRADE_MESSAGE = "Choose a CTCAE grade from 1 to 5.";
export const aeJsonFields = {
  eventTerm: requiredText("Enter the event term.", 200),
  severity: z.enum(SEVERITIES, { error: "Choose the severity." }),
  /** CTCAE grade 1–5. */
  grade: z.number({ error: GRADE_MESSAGE }).int(GRADE_MESSAGE).min(1, GRADE_MESSAGE).max(5, GRADE_MESSAGE),
  serious: z.boolean({ error: "Tick or untick Serious." }),
  seriousnessCriteria: z.array(z.enum(SERIOUSNESS_CRITERIA, { error: "Choose criteria from the list." })),
  onsetDate: isoDate("onset date"),
  endDate: isoDate("end date"),
  outcome: z.enum(AE_OUTCOMES, { error: "Choose an outcome from the list." }),
  status: z.enum(AE_STATUSES, { error: "Choose a status." }),
  /** When the site learnt of the event; an instant once the site's zone is known (`awareAtInstant`). */
  awareAt: dateTime("time the site learnt of the event"),
};

/** CTCAE grade from a form (text) or JSON (a number), as reported and as the investigator assesses it. */
export const ctcaeGrade = blankAsMissing(z.coerce.number({ error: GRADE_MESSAGE }).pipe(aeJsonFields.grade));

/** A checkbox: "on" (HTML), "true"/"false" (query strings), or a boolean (JSON). */
const checkbox = z.preprocess(
  (v) => (v === "on" || v === "true" || v === true ? true : v === undefined || v === "" || v === "false" || v === false ? false : v),
  aeJsonFields.serious,
);

/** One value or several (FormData.getAll gives an array; a single checkbox may give a string). */
const criteria = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  aeJsonFields.seriousnessCriteria.transform((list) => SERIOUSNESS_CRITERIA.filter((c) => list.includes(c))),
);

/** The clinical fields a person enters, shared by report and edit. */
const aeFields = {
  eventTerm: aeJsonFields.eventTerm,
  severity: aeJsonFields.severity,
  grade: ctcaeGrade,
  serious: checkbox,
  seriousnessCriteria: criteria,
  onsetDate: aeJsonFields.onsetDate,
  /** Defaults to now. */
  awareAt: optionalField(aeJsonFields.awareAt),
  outcome: clearableField(aeJsonFields.outcome),
  endDate: clearableField(aeJsonFields.endDate),
  status: optionalField(aeJsonFields.status),
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
      // That includes a body that is not an object at all (JSON `null`): nothing to compare then.
      if (typeof v !== "object" || v === null) return;
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
      subjectId: recordId("Choose a subject."),
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
    id: recordId("Choose an existing adverse event."),
    version,
    reason: reason(),
    eventTerm: aeFields.eventTerm.optional(),
    severity: aeFields.severity.optional(),
    grade: optionalField(ctcaeGrade),
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
  if (isLocalDateTime(value)) return localDateTimeToInstant(value, timeZone);
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
