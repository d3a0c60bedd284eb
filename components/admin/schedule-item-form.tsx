"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { humanize } from "@/components/ui/badge";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import { VISIT_TYPES, type VisitType } from "@/domain/vocabulary";
import type { ActionState } from "@/lib/action-state";
import { errorsOf, valueOf } from "./form-helpers";

const FIELDS = [
  { name: "code", label: "Code" },
  { name: "name", label: "Visit name" },
  { name: "visitType", label: "Visit type" },
  { name: "dayOffset", label: "Day offset" },
  { name: "windowBefore", label: "Window before (days)" },
  { name: "windowAfter", label: "Window after (days)" },
  { name: "sortOrder", label: "Order" },
] as const;

/** The saved values the form starts from; declared here so a client component needs no database types. */
type ScheduleItemValues = {
  id: string;
  version: number;
  code: string;
  name: string;
  visitType: VisitType;
  dayOffset: number;
  windowBefore: number;
  windowAfter: number;
  sortOrder: number;
};

/** Adds a planned visit to the schedule, or edits one (`item`). */
export function ScheduleItemForm({
  studyId,
  item,
  nextOrder,
  action,
}: {
  studyId: string;
  item?: ScheduleItemValues;
  nextOrder: number;
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useNotifyingAction(action);
  const v = (name: string, saved: string | number | null | undefined) => valueOf(state, name, saved);
  // After adding, start a fresh form for the next visit.
  const key = state.status === "success" && !item ? `${state.message}-${nextOrder}` : item?.id ?? "new";
  return (
    <form key={key} action={formAction} className="space-y-3" aria-label={item ? `Edit visit ${item.code}` : "Add a visit"} noValidate>
      <input type="hidden" name="studyId" value={studyId} />
      {item && <input type="hidden" name="id" value={item.id} />}
      {item && <input type="hidden" name="version" value={item.version} />}
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField label="Code" name="code" required defaultValue={v("code", item?.code)} errors={errorsOf(state, "code")} />
        <div className="sm:col-span-2">
          <TextField label="Visit name" name="name" required defaultValue={v("name", item?.name)} errors={errorsOf(state, "name")} />
        </div>
        <SelectField
          label="Visit type"
          name="visitType"
          required
          placeholder="Choose a type"
          defaultValue={v("visitType", item?.visitType)}
          options={VISIT_TYPES.map((t) => ({ value: t, label: humanize(t) }))}
          errors={errorsOf(state, "visitType")}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField label="Day offset" name="dayOffset" type="number" step={1} required defaultValue={v("dayOffset", item?.dayOffset)} errors={errorsOf(state, "dayOffset")} hint="Days from enrollment; negative = before." />
        <TextField label="Window before (days)" name="windowBefore" type="number" min={0} step={1} defaultValue={v("windowBefore", item?.windowBefore ?? 0)} errors={errorsOf(state, "windowBefore")} />
        <TextField label="Window after (days)" name="windowAfter" type="number" min={0} step={1} defaultValue={v("windowAfter", item?.windowAfter ?? 0)} errors={errorsOf(state, "windowAfter")} />
        <TextField label="Order" name="sortOrder" type="number" min={1} step={1} required defaultValue={v("sortOrder", item?.sortOrder ?? nextOrder)} errors={errorsOf(state, "sortOrder")} />
      </div>
      {state.status === "error" && <FormMessage state={state} />}
      <ConflictNotice current={state.current} fields={FIELDS} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {item ? "Save visit" : "Add visit"}
        </Button>
        {item && (
          <Link href={`/admin/studies/${studyId}`} className="text-sm text-slate-700 underline underline-offset-2">
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}
