"use client";

/**
 * The schedule-a-visit form. The coordinator follows the chosen subject (their coordinator) until
 * someone picks another. A refused form keeps what was typed; success says so and opens the week
 * of the new visit.
 */
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { humanize } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useNotice } from "@/components/ui/notices";
import { VISIT_TYPES } from "@/domain/vocabulary";
import { idle, type ActionState } from "@/lib/action-state";
import type { SchedulableSubject } from "@/lib/visits/queries";

/** A scheduled visit's state carries the calendar week to open (`href`). */
export type ScheduleState = ActionState & { href?: string };

const TYPE_OPTIONS = VISIT_TYPES.map((t) => ({ value: t, label: humanize(t) }));

export function ScheduleForm({
  action: scheduleVisitAction,
  subjects,
  staff,
  preselectedId,
  timeZone,
}: {
  /** The schedule server action (app/(app)/visits/new/actions.ts). */
  action: (prev: ScheduleState, data: FormData) => Promise<ScheduleState>;
  subjects: SchedulableSubject[];
  staff: { value: string; label: string }[];
  preselectedId?: string;
  timeZone: string;
}) {
  const router = useRouter();
  const notify = useNotice();
  const [state, action, pending] = useActionState(async (prev: ScheduleState, data: FormData) => {
    const result = await scheduleVisitAction(prev, data);
    if (result.status === "success") {
      if (result.message) notify(result.message);
      if (result.href) router.push(result.href);
    }
    return result;
  }, idle as ScheduleState);
  const coordinatorOf = (id: string) => subjects.find((s) => s.id === id)?.coordinatorId ?? "";
  const [subjectId, setSubjectId] = useState(preselectedId ?? "");
  const [coordinatorId, setCoordinatorId] = useState(coordinatorOf(preselectedId ?? ""));
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate aria-label="Schedule visit">
      <FormMessage state={state.status === "error" ? state : idle} />
      <SelectField
        label="Subject"
        name="subjectId"
        options={subjects.map((s) => ({ value: s.id, label: s.label }))}
        placeholder="Choose a subject…"
        value={subjectId}
        onChange={(event) => {
          setSubjectId(event.target.value);
          setCoordinatorId(coordinatorOf(event.target.value));
        }}
        errors={e.subjectId}
        required
      />
      <SelectField label="Visit type" name="visitType" options={TYPE_OPTIONS} placeholder="Choose…" defaultValue={v.visitType ?? "unscheduled"} errors={e.visitType} required />
      <TextField
        label="Scheduled at"
        name="scheduledAt"
        type="datetime-local"
        defaultValue={v.scheduledAt}
        errors={e.scheduledAt}
        hint={`Site time (${timeZone}).`}
        required
      />
      <TextField label="Location" name="location" defaultValue={v.location} errors={e.location} placeholder="e.g. Exam Room 1" />
      <SelectField
        label="Coordinator"
        name="coordinatorId"
        options={staff}
        placeholder="The subject's coordinator"
        value={coordinatorId}
        onChange={(event) => setCoordinatorId(event.target.value)}
        errors={e.coordinatorId}
        hint="Defaults to the subject's coordinator."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Scheduling…" : "Schedule visit"}
      </Button>
    </form>
  );
}
