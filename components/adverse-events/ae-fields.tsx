"use client";

/**
 * The clinical fields of an AE, shared by the report form and the edit form. The seriousness
 * criteria show while Serious is ticked (the server checks the rule either way).
 */
import { useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import {
  CRITERIA_OPTIONS,
  GRADE_OPTIONS,
  OUTCOME_OPTIONS,
  SEVERITY_OPTIONS,
  STATUS_OPTIONS,
} from "@/lib/adverse-events/labels";
import type { FieldErrors } from "@/lib/errors";

export type AeFieldValues = {
  eventTerm?: string;
  severity?: string;
  grade?: string;
  serious?: boolean;
  seriousnessCriteria?: string[];
  onsetDate?: string;
  awareAt?: string;
  outcome?: string;
  endDate?: string;
  status?: string;
};

export function AeFields({
  values,
  errors,
  today,
  nowLocal,
  minOnset,
}: {
  values: AeFieldValues;
  errors: FieldErrors;
  /** Site-local today and now: the latest an onset date or awareness time can be. */
  today: string;
  nowLocal: string;
  /** The subject's consent date (site-local), the earliest onset. */
  minOnset?: string;
}) {
  const [serious, setSerious] = useState(values.serious ?? false);
  const criteriaErrors = errors.seriousnessCriteria ?? Object.entries(errors).filter(([k]) => k.startsWith("seriousnessCriteria.")).flatMap(([, v]) => v);
  const showCriteria = serious || criteriaErrors.length > 0;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <TextField label="Event term" name="eventTerm" required maxLength={200} defaultValue={values.eventTerm} errors={errors.eventTerm} hint="The diagnosis or sign, e.g. “Pneumonia” (MedDRA preferred term where known)." />
      </div>
      <SelectField label="Severity" name="severity" options={SEVERITY_OPTIONS} placeholder="Choose…" defaultValue={values.severity ?? ""} errors={errors.severity} />
      <SelectField label="CTCAE grade" name="grade" options={GRADE_OPTIONS} placeholder="Choose…" defaultValue={values.grade ?? ""} errors={errors.grade} />
      <div className="sm:col-span-2 space-y-2">
        <div className="flex items-center gap-2">
          <input
            id="f-serious"
            name="serious"
            type="checkbox"
            checked={serious}
            onChange={(e) => setSerious(e.target.checked)}
            className="size-4 rounded border-slate-300 accent-brand-700"
            aria-describedby="f-serious-hint"
          />
          <label htmlFor="f-serious" className="text-sm font-medium text-slate-700">
            Serious
          </label>
          <span id="f-serious-hint" className="text-xs text-slate-600">
            A serious event starts the 24-hour sponsor clock.
          </span>
        </div>
        {showCriteria && (
          <fieldset
            className="rounded-md border border-slate-200 p-3"
            aria-describedby="f-seriousnessCriteria-error"
            aria-invalid={criteriaErrors.length ? true : undefined}
          >
            <legend className="px-1 text-sm font-medium text-slate-700">Seriousness criteria (at least one)</legend>
            <div className="grid grid-cols-1 gap-1.5 sm:grid-cols-2">
              {CRITERIA_OPTIONS.map((o) => (
                <label key={o.value} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    name="seriousnessCriteria"
                    value={o.value}
                    defaultChecked={values.seriousnessCriteria?.includes(o.value)}
                    className="size-4 rounded border-slate-300 accent-brand-700"
                  />
                  {o.label}
                </label>
              ))}
            </div>
            <p id="f-seriousnessCriteria-error" aria-live="polite" className="mt-1 text-xs font-medium text-red-700">
              {criteriaErrors.join(" ")}
            </p>
          </fieldset>
        )}
      </div>
      <TextField
        label="Onset date"
        name="onsetDate"
        type="date"
        required
        min={minOnset}
        max={today}
        defaultValue={values.onsetDate}
        errors={errors.onsetDate}
        hint={minOnset ? `From consent (${minOnset}) to today.` : "Not in the future."}
      />
      <TextField
        label="Aware at"
        name="awareAt"
        type="datetime-local"
        required
        max={nowLocal}
        defaultValue={values.awareAt}
        errors={errors.awareAt}
        hint="When the site learnt of the event (site time)."
      />
      <SelectField label="Outcome" name="outcome" options={OUTCOME_OPTIONS} placeholder="Not known yet" defaultValue={values.outcome ?? ""} errors={errors.outcome} />
      <TextField label="End date" name="endDate" type="date" max={today} defaultValue={values.endDate} errors={errors.endDate} hint="Leave empty while ongoing." />
      <SelectField label="Status" name="status" options={STATUS_OPTIONS} defaultValue={values.status ?? "open"} errors={errors.status} />
    </div>
  );
}
