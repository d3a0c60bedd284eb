"use client";

import { Button } from "@/components/ui/button";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";
import type { UserRow } from "@/lib/users/admin";
import { assignRoleAction, resetPasswordAction, setStatusAction, unlockAction } from "./actions";

const ROLES = ["coordinator", "investigator", "sponsor", "admin"] as const;
const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600";

/** Refusals stay beside the form (success becomes a page notice, as the row may move away). */
function Message({ state, id }: { state: ActionState; id: string }) {
  const text = state.status === "error" ? [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].filter(Boolean).join(" ") : "";
  return (
    <p id={id} aria-live="polite" className="text-xs text-red-700">
      {text}
    </p>
  );
}

/** Role and site for one account: activates a pending sign-up, or moves an active user. */
export function AssignRoleForm({ user, sites }: { user: UserRow; sites: { id: string; name: string }[] }) {
  const [state, action, pending] = useNotifyingAction(assignRoleAction);
  const label = user.status === "pending" ? "Activate" : "Save";
  const msgId = `assign-${user.id}-msg`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-1.5" aria-label={`Role and site of ${user.username}`}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        Role for {user.username}
      </label>
      <select id={`role-${user.id}`} name="role" defaultValue={user.role} className={small} aria-describedby={msgId}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`site-${user.id}`}>
        Site for {user.username}
      </label>
      <select
        id={`site-${user.id}`}
        name="siteId"
        defaultValue={user.siteId ?? ""}
        className={small}
        aria-invalid={state.fieldErrors?.siteId ? true : undefined}
        aria-describedby={msgId}
      >
        <option value="">No site</option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <Button type="submit" variant={user.status === "pending" ? "primary" : "secondary"} disabled={pending} aria-label={`${label} ${user.username}`}>
        {label}
      </Button>
      <Message state={state} id={msgId} />
    </form>
  );
}

/** Disable (or re-enable) an account; a reason is required and goes into the audit trail. */
export function StatusForm({ user }: { user: UserRow }) {
  const [state, action, pending] = useNotifyingAction(setStatusAction);
  const next = user.status === "disabled" ? "active" : "disabled";
  const verb = next === "disabled" ? "Disable" : "Enable";
  const msgId = `status-${user.id}-msg`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-1.5" aria-label={`${verb} ${user.username}`}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="status" value={next} />
      <label className="sr-only" htmlFor={`reason-${user.id}`}>
        Reason to {verb.toLowerCase()} {user.username}
      </label>
      <input
        id={`reason-${user.id}`}
        name="reason"
        placeholder="Reason"
        className={`${small} w-32`}
        aria-invalid={state.fieldErrors?.reason ? true : undefined}
        aria-describedby={msgId}
      />
      <Button type="submit" variant={next === "disabled" ? "danger-secondary" : "secondary"} disabled={pending} aria-label={`${verb} ${user.username}`}>
        {verb}
      </Button>
      <Message state={state} id={msgId} />
    </form>
  );
}

/**
 * An admin sets a temporary password (at least 12 characters, typed twice). Sessions already open
 * keep working — they are JWTs with no server record to revoke; disable the account to cut one off.
 */
export function ResetPasswordForm({ user }: { user: UserRow }) {
  const [state, action, pending] = useNotifyingAction(resetPasswordAction);
  const msgId = `reset-${user.id}-msg`;
  const key = state.status === "success" ? state.message : "form";
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 underline underline-offset-2">Reset password</summary>
      <form key={key} action={action} className="mt-1.5 flex flex-wrap items-center gap-1.5" aria-label={`Reset password of ${user.username}`}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <label className="sr-only" htmlFor={`pw-${user.id}`}>
          Temporary password for {user.username}
        </label>
        <input
          id={`pw-${user.id}`}
          name="password"
          type="password"
          autoComplete="new-password"
          placeholder="Temporary password (12+)"
          className={`${small} w-48`}
          aria-invalid={state.fieldErrors?.password ? true : undefined}
          aria-describedby={msgId}
        />
        <label className="sr-only" htmlFor={`pw2-${user.id}`}>
          Repeat temporary password for {user.username}
        </label>
        <input
          id={`pw2-${user.id}`}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          placeholder="Repeat it"
          className={`${small} w-36`}
          aria-invalid={state.fieldErrors?.confirmPassword ? true : undefined}
          aria-describedby={msgId}
        />
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Set password of ${user.username}`}>
          Set password
        </Button>
        <Message state={state} id={msgId} />
      </form>
    </details>
  );
}

/** Shown while a sign-in lock holds the account (too many failed attempts): lifts every lock at once. */
export function UnlockForm({ user }: { user: UserRow }) {
  const [state, action, pending] = useNotifyingAction(unlockAction);
  const msgId = `unlock-${user.id}-msg`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-1.5" aria-label={`Unlock sign-in of ${user.username}`}>
      <input type="hidden" name="userId" value={user.id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Unlock sign-in of ${user.username}`} aria-describedby={msgId}>
        Unlock sign-in
      </Button>
      <Message state={state} id={msgId} />
    </form>
  );
}
