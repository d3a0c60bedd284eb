"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle, type ActionState } from "@/lib/action-state";
import { AeFields } from "./ae-fields";

export type SubjectChoice = { id: string; label: string; consentDate: string | null };

export function ReportForm({
  action: reportAction,
  subjects,
  subjectId,
  today,
  nowLocal,
}: {
  /** The report server action (app/(app)/adverse-events/actions.ts). */
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  subjects: SubjectChoice[];
  subjectId?: string;
  today: string;
  nowLocal: string;
}) {
  const [state, action, pending] = useActionState(reportAction, idle);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [chosen, setChosen] = useState(v.subjectId ?? subjectId ?? "");
  const consentDate = subjects.find((s) => s.id === chosen)?.consentDate ?? undefined;
  return (
    <form action={action} className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage state={state} />
      <SelectField
        label="Subject"
        name="subjectId"
        options={subjects.map((s) => ({ value: s.id, label: s.label }))}
        placeholder="Choose a subject…"
        key={`subject-${v.subjectId ?? ""}`}
        defaultValue={v.subjectId ?? subjectId ?? ""}
        onChange={(event) => setChosen(event.target.value)}
        errors={e.subjectId}
        hint="Consented subjects of your site who are screening or enrolled."
      />
      {/* Remount after a refusal so the fields show what was typed. */}
      <AeFields
        key={JSON.stringify(v)}
        values={{
          eventTerm: v.eventTerm,
          severity: v.severity,
          grade: v.grade,
          serious: v.serious === "on",
          seriousnessCriteria: v.seriousnessCriteria?.split(",").filter(Boolean),
          onsetDate: v.onsetDate,
          awareAt: v.awareAt ?? nowLocal,
          outcome: v.outcome,
          endDate: v.endDate,
          status: v.status,
        }}
        errors={e}
        today={today}
        nowLocal={nowLocal}
        minOnset={consentDate}
      />
      <div className="flex items-center gap-3 border-t border-slate-100 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Reporting…" : "Report adverse event"}
        </Button>
        <p className="text-xs text-slate-600">You are recorded as the reporter.</p>
      </div>
    </form>
  );
}
