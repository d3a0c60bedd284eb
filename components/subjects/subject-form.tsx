"use client";

/**
 * The new-subject and edit-subject form: every template field, each with its message beside it.
 * A refused save keeps what was typed; a conflict shows the newer values someone else saved and
 * takes their version, so saving again is a deliberate overwrite.
 */
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { humanize } from "@/components/ui/badge";
import { SCREENING_STATUSES, SEXES_AT_BIRTH } from "@/domain/vocabulary";
import { idle, type ActionState } from "@/lib/action-state";
import { SUBJECT_FIELD_LABELS as L } from "@/lib/validation/subject";

type Option = { value: string; label: string };
type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export type SubjectFormDefaults = {
  subjectId?: string;
  fullName?: string;
  studyId?: string;
  coordinatorId?: string;
  dob?: string;
  sexAtBirth?: string;
  consentSignedAt?: string;
};

const enumOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: humanize(v) }));

export function SubjectForm({
  mode,
  action,
  defaults,
  studies,
  coordinators,
  timeZone,
  record,
  cancelHref,
}: {
  mode: "create" | "edit";
  action: Action;
  defaults: SubjectFormDefaults;
  studies: Option[];
  coordinators: Option[];
  timeZone: string;
  /** Edit only: the record being edited. */
  record?: { id: string; version: number; studyLabel: string; screeningStatus: string };
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const v = { ...defaults, ...state.values } as Record<string, string | undefined>;
  const e = state.fieldErrors ?? {};
  // After a conflict, the next save is based on the newer version the person has now seen.
  const version = typeof state.current?.version === "number" ? state.current.version : record?.version;
  const current = state.current ? displayCurrent(state.current, coordinators, timeZone) : undefined;

  return (
    <form action={formAction} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage state={state} />
      <ConflictNotice
        current={current}
        fields={(["subjectId", "fullName", "coordinatorId", "dob", "sexAtBirth", "consentSignedAt"] as const).map((name) => ({ name, label: L[name] }))}
      />
      {record && (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={L.subjectId} name="subjectId" required autoComplete="off" defaultValue={v.subjectId} errors={e.subjectId} hint="Unique within the study, e.g. ONC-014." />
        <TextField label={L.fullName} name="fullName" required autoComplete="off" defaultValue={v.fullName} errors={e.fullName} />
        {mode === "create" ? (
          <SelectField label={L.studyId} name="studyId" options={studies} placeholder="Choose a study…" defaultValue={v.studyId ?? ""} errors={e.studyId} />
        ) : (
          <ReadOnly label={L.studyId} value={record?.studyLabel ?? ""} hint="A subject stays in their study." />
        )}
        <SelectField
          label={L.coordinatorId}
          name="coordinatorId"
          options={coordinators}
          placeholder="Choose…"
          defaultValue={v.coordinatorId ?? ""}
          errors={e.coordinatorId}
        />
        <TextField label={L.dob} name="dob" type="date" required defaultValue={v.dob} errors={e.dob} />
        <SelectField label={L.sexAtBirth} name="sexAtBirth" options={enumOptions(SEXES_AT_BIRTH)} placeholder="Choose…" defaultValue={v.sexAtBirth ?? ""} errors={e.sexAtBirth} />
        <TextField
          label={L.consentSignedAt}
          name="consentSignedAt"
          type="datetime-local"
          defaultValue={v.consentSignedAt}
          errors={e.consentSignedAt}
          hint={`Site time (${timeZone}). Leave empty until consent is signed.`}
        />
        {mode === "create" ? (
          <SelectField
            label={L.screeningStatus}
            name="screeningStatus"
            options={enumOptions(SCREENING_STATUSES)}
            defaultValue={v.screeningStatus ?? "pending"}
            errors={e.screeningStatus}
            hint="Pending until a screening is recorded."
          />
        ) : (
          <ReadOnly label={L.screeningStatus} value={humanize(record?.screeningStatus)} hint="Changes when a screening is recorded." />
        )}
      </div>
      {mode === "edit" && (
        <div className="space-y-1">
          <label htmlFor="f-reason" className="block text-sm font-medium text-slate-700">
            Reason for change
          </label>
          <textarea
            id="f-reason"
            name="reason"
            rows={2}
            required
            defaultValue={v.reason}
            aria-invalid={e.reason ? true : undefined}
            aria-describedby="f-reason-error"
            className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm aria-[invalid=true]:border-red-600"
          />
          <p id="f-reason-error" aria-live="polite" className="text-xs font-medium text-red-700">
            {e.reason?.join(" ")}
          </p>
        </div>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Create subject" : "Save changes"}
        </Button>
        <Link href={cancelHref} className="text-sm text-slate-700 underline underline-offset-2">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function ReadOnly({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="space-y-1">
      <p className="block text-sm font-medium text-slate-700">{label}</p>
      <p className="rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm text-slate-800">{value}</p>
      <p className="text-xs text-slate-600">{hint}</p>
    </div>
  );
}

/** The newer record, in the words of the form (names for ids, site-local times). */
function displayCurrent(current: Record<string, unknown>, coordinators: Option[], timeZone: string): Record<string, unknown> {
  const consent = current.consentSignedAt;
  return {
    ...current,
    coordinatorId: coordinators.find((c) => c.value === current.coordinatorId)?.label ?? current.coordinatorId,
    consentSignedAt:
      consent instanceof Date || typeof consent === "string"
        ? new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(consent))
        : consent,
  };
}
