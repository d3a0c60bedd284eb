"use client";

/**
 * "Record outcome" for one subject of the queue, in a modal dialog (the platform's <dialog>:
 * focus stays inside, Escape closes). Refusals keep what was typed and show each message beside
 * its field; a conflict shows the subject's newer values; success closes it with a notice.
 */
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useNotice } from "@/components/ui/notices";
import { idle, type ActionState } from "@/lib/action-state";

export type OutcomeSubject = { id: string; subjectId: string; fullName: string | null; version: number; hasConsent: boolean };
export type Option = { value: string; label: string };

const CONFLICT_FIELDS = [
  { name: "screeningStatus", label: "Screening status" },
  { name: "status", label: "Subject status" },
  { name: "consentSignedAt", label: "Consent signed at" },
] as const;

export function RecordOutcomeDialog({
  subject,
  action,
  today,
  actorId,
  staff,
  statusOptions,
  onClose,
}: {
  subject: OutcomeSubject;
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  /** Today at the site: the default and the latest allowed screening date. */
  today: string;
  actorId: string;
  staff: Option[];
  /** The screening statuses, from the server (keeps the schema module out of the browser). */
  statusOptions: Option[];
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const notify = useNotice();
  const [state, formAction, pending] = useActionState(async (prev: ActionState, data: FormData) => {
    const result = await action(prev, data);
    if (result.status === "success" && result.message) notify(result.message);
    return result;
  }, idle);
  const values = state.values ?? {};
  const [status, setStatus] = useState(values.screeningStatus ?? "");
  const errors = state.fieldErrors ?? {};
  // After a conflict, saving again means "on top of their version".
  const version = typeof state.current?.version === "number" ? state.current.version : subject.version;

  useEffect(() => {
    ref.current?.showModal();
  }, []);
  useEffect(() => {
    if (state.status === "success") ref.current?.close();
  }, [state]);

  const titleId = `record-outcome-${subject.id}`;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {/* Submitted by hand rather than with action={…}: React resets a form after its action,
          which would wipe a refused form (selects included) instead of keeping what was typed. */}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-3 p-5"
        noValidate
      >
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          Record screening outcome — {subject.subjectId}
          {subject.fullName ? <span className="font-normal text-slate-600"> · {subject.fullName}</span> : null}
        </h2>
        {!subject.hasConsent && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            No signed consent on file: this subject cannot pass screening yet.
          </p>
        )}
        <input type="hidden" name="subjectId" value={subject.id} />
        <input type="hidden" name="subjectVersion" value={version} />
        <SelectField
          label="Screening status"
          name="screeningStatus"
          options={statusOptions}
          placeholder="Choose…"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          errors={errors.screeningStatus}
          required
        />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField
            label="Screening date"
            name="screeningDate"
            type="date"
            max={today}
            defaultValue={values.screeningDate ?? today}
            errors={errors.screeningDate}
            required
          />
          <SelectField
            label="Completed by"
            name="completedById"
            options={staff}
            defaultValue={values.completedById ?? actorId}
            errors={errors.completedById}
          />
        </div>
        {status === "failed" && (
          <TextField
            label="Reason for failure"
            name="failReason"
            defaultValue={values.failReason ?? ""}
            errors={errors.failReason}
            hint="Which criterion was not met, e.g. “Exclusion 4: eGFR below 45”."
            required
          />
        )}
        <TextAreaField label="Notes" name="notes" rows={3} defaultValue={values.notes ?? ""} errors={errors.notes} />
        {state.status === "error" && <FormMessage state={state} />}
        <ConflictNotice current={state.current} fields={CONFLICT_FIELDS} />
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save outcome"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
