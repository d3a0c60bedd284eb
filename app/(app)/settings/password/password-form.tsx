"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle, type ActionState } from "@/lib/action-state";

/** Current password, then the new one twice; each refusal is shown beside its field. */
export function PasswordForm({ action, minLength }: { action: (prev: ActionState, data: FormData) => Promise<ActionState>; minLength: number }) {
  const [state, formAction, pending] = useActionState(action, idle);
  // A successful change clears the form.
  const key = state.status === "success" ? `done-${state.message}` : "form";
  return (
    <form key={key} action={formAction} className="max-w-md space-y-3" aria-label="Change password" noValidate>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.password}
        hint={`At least ${minLength} characters.`}
      />
      <TextField
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.confirmPassword}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
