"use client";

/**
 * Edit an AE in place, with a required reason for change. A conflict (someone saved first) shows
 * their values; the form then carries their version, so saving again replaces them knowingly.
 */
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FormMessage } from "@/components/ui/form-message";
import { useNotice } from "@/components/ui/notices";
import { idle, type ActionState } from "@/lib/action-state";
import { AE_EDITABLE_FIELDS, AE_FIELD_LABELS } from "@/lib/adverse-events/labels";
import { AeFields, type AeFieldValues } from "./ae-fields";

const CONFLICT_FIELDS = AE_EDITABLE_FIELDS.map((name) => ({ name, label: AE_FIELD_LABELS[name]! }));

export function EditPanel({
  action: updateAeAction,
  id,
  version,
  values,
  today,
  nowLocal,
  minOnset,
}: {
  /** The edit server action (app/(app)/adverse-events/actions.ts). */
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  id: string;
  version: number;
  values: AeFieldValues;
  today: string;
  nowLocal: string;
  minOnset?: string;
}) {
  const [open, setOpen] = useState(false);
  const notify = useNotice();
  const [state, action, pending] = useActionState(async (prev: ActionState, data: FormData) => {
    const result = await updateAeAction(prev, data);
    if (result.status === "success") {
      notify(result.message ?? "Saved.");
      setOpen(false);
    }
    return result;
  }, idle);

  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Edit
      </Button>
    );
  }
  const v = state.status === "error" ? state.values ?? {} : {};
  const typed: AeFieldValues | null =
    state.status === "error" && state.values
      ? {
          eventTerm: v.eventTerm,
          severity: v.severity,
          grade: v.grade,
          serious: v.serious === "on",
          seriousnessCriteria: v.seriousnessCriteria?.split(",").filter(Boolean),
          onsetDate: v.onsetDate,
          awareAt: v.awareAt,
          outcome: v.outcome,
          endDate: v.endDate,
          status: v.status,
        }
      : null;
  const currentVersion = typeof state.current?.version === "number" ? state.current.version : version;
  return (
    <form action={action} aria-label="Edit adverse event" className="w-full space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <h2 className="text-base font-semibold text-slate-900">Edit adverse event</h2>
      <FormMessage state={state} />
      <ConflictNotice current={state.current} fields={CONFLICT_FIELDS} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={currentVersion} />
      <AeFields key={JSON.stringify(v)} values={typed ?? values} errors={state.fieldErrors ?? {}} today={today} nowLocal={nowLocal} minOnset={minOnset} />
      <div className="space-y-1">
        <label htmlFor="f-reason" className="block text-sm font-medium text-slate-700">
          Reason for change
        </label>
        <textarea
          id="f-reason"
          name="reason"
          required
          rows={2}
          maxLength={1000}
          defaultValue={v.reason}
          key={`reason-${v.reason ?? ""}`}
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
          aria-describedby="f-reason-error"
          className="block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm aria-[invalid=true]:border-red-600"
        />
        <p id="f-reason-error" aria-live="polite" className="text-xs font-medium text-red-700">
          {state.fieldErrors?.reason?.join(" ")}
        </p>
      </div>
      <div className="flex gap-2 border-t border-slate-100 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
