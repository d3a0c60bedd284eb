"use client";

/**
 * What can happen to a scheduled visit: reschedule (with a reason), complete, mark missed, cancel
 * (with a reason, in a dialog that says what will happen). Each is its own small form calling its
 * server action; a refusal stays beside the form with the values typed, a conflict shows the
 * newer values, a success becomes a page notice and the page re-renders with the new state.
 */
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useNotice } from "@/components/ui/notices";
import { idle, type ActionState } from "@/lib/action-state";

type VisitRef = { id: string; version: number; subjectCode: string };
type ServerAction = (prev: ActionState, data: FormData) => Promise<ActionState>;

const CONFLICT_FIELDS = [
  { name: "scheduledAt", label: "Scheduled at" },
  { name: "visitStatus", label: "Visit status" },
  { name: "location", label: "Location" },
  { name: "completedAt", label: "Completed at" },
  { name: "statusReason", label: "Reason" },
] as const;

function useVisitAction(serverAction: ServerAction, onSuccess?: () => void) {
  const notify = useNotice();
  return useActionState(async (prev: ActionState, data: FormData) => {
    const result = await serverAction(prev, data);
    if (result.status === "success") {
      if (result.message) notify(result.message);
      onSuccess?.();
    }
    return result;
  }, idle);
}

function Hidden({ visit }: { visit: VisitRef }) {
  return (
    <>
      <input type="hidden" name="id" value={visit.id} />
      <input type="hidden" name="version" value={visit.version} />
    </>
  );
}

function Refusal({ state }: { state: ActionState }) {
  if (state.status !== "error") return null;
  return (
    <>
      <FormMessage state={state} />
      {state.fieldErrors?.form && <p className="text-xs font-medium text-red-700">{state.fieldErrors.form.join(" ")}</p>}
      <ConflictNotice current={state.current} fields={CONFLICT_FIELDS} />
    </>
  );
}

const panel = "space-y-3 rounded-lg border border-slate-200 bg-white p-4";
const heading = "text-sm font-semibold text-slate-900";

/** The visit page's server actions (app/(app)/visits/[id]/actions.ts), passed in by the page. */
export type VisitServerActions = { reschedule: ServerAction; complete: ServerAction; miss: ServerAction; cancel: ServerAction };

export function VisitActions({
  actions,
  visit,
  scheduledLocal,
  nowLocal,
  timePassed,
  timeZone,
}: {
  actions: VisitServerActions;
  visit: VisitRef;
  scheduledLocal: string;
  nowLocal: string;
  timePassed: boolean;
  timeZone: string;
}) {
  return (
    <div className="space-y-4 self-start">
      <RescheduleForm action={actions.reschedule} visit={visit} scheduledLocal={scheduledLocal} timeZone={timeZone} />
      <CompleteForm action={actions.complete} visit={visit} nowLocal={nowLocal} timeZone={timeZone} />
      {timePassed ? (
        <MissForm action={actions.miss} visit={visit} />
      ) : (
        <p className="px-1 text-xs text-slate-600">It can be marked missed once its time has passed; cancel it if it will not happen.</p>
      )}
      <CancelDialog action={actions.cancel} visit={visit} />
    </div>
  );
}

function RescheduleForm({ action: serverAction, visit, scheduledLocal, timeZone }: { action: ServerAction; visit: VisitRef; scheduledLocal: string; timeZone: string }) {
  const [state, action, pending] = useVisitAction(serverAction);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className={panel} aria-labelledby="reschedule-heading" noValidate>
      <h2 id="reschedule-heading" className={heading}>
        Reschedule
      </h2>
      <Hidden visit={visit} />
      <Refusal state={state} />
      <TextField
        label="Scheduled at"
        name="scheduledAt"
        type="datetime-local"
        defaultValue={v.scheduledAt ?? scheduledLocal}
        errors={e.scheduledAt}
        hint={`Site time (${timeZone}).`}
        required
      />
      <TextField label="Reason for rescheduling" name="rescheduleReason" defaultValue={v.rescheduleReason} errors={e.reason} required />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Rescheduling…" : "Reschedule"}
      </Button>
    </form>
  );
}

function CompleteForm({ action: serverAction, visit, nowLocal, timeZone }: { action: ServerAction; visit: VisitRef; nowLocal: string; timeZone: string }) {
  const [state, action, pending] = useVisitAction(serverAction);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className={panel} aria-labelledby="complete-heading" noValidate>
      <h2 id="complete-heading" className={heading}>
        Complete
      </h2>
      <Hidden visit={visit} />
      <Refusal state={state} />
      <TextField
        label="Completed at"
        name="completedAt"
        type="datetime-local"
        defaultValue={v.completedAt ?? nowLocal}
        errors={e.completedAt}
        hint={`When the visit took place, site time (${timeZone}).`}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Mark completed"}
      </Button>
    </form>
  );
}

function MissForm({ action: serverAction, visit }: { action: ServerAction; visit: VisitRef }) {
  const [state, action, pending] = useVisitAction(serverAction);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className={panel} aria-labelledby="miss-heading" noValidate>
      <h2 id="miss-heading" className={heading}>
        Mark missed
      </h2>
      <Hidden visit={visit} />
      <Refusal state={state} />
      <TextField label="Reason missed (optional)" name="missReason" defaultValue={v.missReason} errors={e.reason} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Mark missed"}
      </Button>
    </form>
  );
}

/** Canceling is final, so it asks for the reason in a dialog that says what will happen. */
function CancelDialog({ action: serverAction, visit }: { action: ServerAction; visit: VisitRef }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useVisitAction(serverAction, () => dialog.current?.close());
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <div className={panel}>
      <h2 className={heading}>Cancel</h2>
      <p className="text-xs text-slate-600">For a visit that will not take place. You will be asked for a reason.</p>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        Cancel visit…
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="cancel-title"
        aria-describedby="cancel-what"
        className="m-auto w-full max-w-md rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={action} className="space-y-3 p-5" noValidate>
          <h2 id="cancel-title" className="text-base font-semibold text-slate-900">
            Cancel this visit of {visit.subjectCode}?
          </h2>
          <p id="cancel-what" className="text-sm text-slate-700">
            The visit stays in the record, marked canceled with your reason, and leaves the list of visits to do. This cannot be undone:
            schedule a new visit if one is needed later.
          </p>
          <Hidden visit={visit} />
          <Refusal state={state} />
          <TextField label="Reason for canceling" name="cancelReason" defaultValue={v.cancelReason} errors={e.reason} required />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Keep visit
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Canceling…" : "Cancel visit"}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
