"use client";

/**
 * Small one-row forms (retire a planned visit, revoke or grant sponsor access). Their controls get
 * ids from the row, since many sit on one page; refusals show beside the control.
 */
import { Button } from "@/components/ui/button";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";
import type { PersonOption } from "@/lib/admin/queries";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;
const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600";

function Message({ state, id }: { state: ActionState; id: string }) {
  const text = state.status === "error" ? [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].filter(Boolean).join(" ") : "";
  return (
    <p id={id} aria-live="polite" className="text-xs text-red-700">
      {text}
    </p>
  );
}

export function RetireItemForm({ item, action }: { item: { id: string; version: number; code: string }; action: Action }) {
  const [state, formAction, pending] = useNotifyingAction(action);
  const msg = `retire-${item.id}-msg`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-1.5" aria-label={`Retire visit ${item.code}`}>
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <label htmlFor={`retire-${item.id}`} className="sr-only">
        Reason to retire {item.code}
      </label>
      <input
        id={`retire-${item.id}`}
        name="reason"
        placeholder="Reason"
        defaultValue={state.values?.reason}
        className={`${small} w-36`}
        aria-invalid={state.fieldErrors?.reason ? true : undefined}
        aria-describedby={msg}
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Retire ${item.code}`}>
        Retire
      </Button>
      <Message state={state} id={msg} />
    </form>
  );
}

export function RevokeSponsorForm({ studyId, sponsor, action }: { studyId: string; sponsor: { userId: string; username: string }; action: Action }) {
  const [state, formAction, pending] = useNotifyingAction(action);
  const msg = `revoke-${sponsor.userId}-msg`;
  return (
    <form action={formAction} className="flex items-center gap-1.5">
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="userId" value={sponsor.userId} />
      <Button type="submit" variant="danger-secondary" disabled={pending} aria-label={`Revoke access of ${sponsor.username}`} aria-describedby={msg}>
        Revoke
      </Button>
      <Message state={state} id={msg} />
    </form>
  );
}

export function GrantSponsorForm({ studyId, sponsors, action }: { studyId: string; sponsors: PersonOption[]; action: Action }) {
  const [state, formAction, pending] = useNotifyingAction(action);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label="Grant sponsor access">
      <input type="hidden" name="studyId" value={studyId} />
      <div className="space-y-1">
        <label htmlFor="grant-userId" className="block text-sm font-medium text-slate-700">
          Sponsor
        </label>
        <select
          id="grant-userId"
          name="userId"
          defaultValue={state.values?.userId ?? ""}
          className={small}
          aria-invalid={state.fieldErrors?.userId ? true : undefined}
          aria-describedby="grant-msg"
        >
          <option value="">{sponsors.length ? "Choose a sponsor" : "No active sponsor without access"}</option>
          {sponsors.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName} ({s.username})
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending}>
        Grant access
      </Button>
      <Message state={state} id="grant-msg" />
    </form>
  );
}
