"use client";

import { useActionState } from "react";
import { valueOf } from "@/components/admin/form-helpers";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle, type ActionState } from "@/lib/action-state";
import { NewTokenSecret } from "./new-token-secret";

/** The one form state that carries a token's secret: shown once, never stored in clear. */
export type CreateTokenState = ActionState & { token?: string; tokenName?: string };

/**
 * Name a new personal token, optionally with an expiry (at most `maxDays`), and confirm with the
 * current password; its secret is then shown below, once.
 */
export function CreateTokenForm({
  action,
  maxDays,
}: {
  action: (prev: CreateTokenState, data: FormData) => Promise<CreateTokenState>;
  maxDays: number;
}) {
  // The previous state is not passed on: it may hold the last secret, which must not travel back.
  const [state, formAction, pending] = useActionState<CreateTokenState, FormData>((_prev, data) => action(idle, data), idle);
  // A created token clears the form (its key changes with each new token).
  const key = state.status === "success" ? `created-${state.token}` : "form";
  return (
    <div className="space-y-4">
      <form key={key} action={formAction} className="space-y-3" aria-label="New API token" noValidate>
        <div className="grid gap-3 sm:grid-cols-[minmax(0,22rem)_minmax(0,12rem)_minmax(0,14rem)_max-content] sm:items-start">
          <TextField
            label="Name"
            name="name"
            required
            maxLength={80}
            autoComplete="off"
            defaultValue={valueOf(state, "name", undefined)}
            errors={state.fieldErrors?.name}
            hint="What will use it, e.g. “Lab results import”."
          />
          <TextField
            label="Expires after (days)"
            name="expiresInDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxDays}
            defaultValue={valueOf(state, "expiresInDays", undefined)}
            errors={state.fieldErrors?.expiresInDays}
            hint={`Optional, 1–${maxDays}. Empty: ${maxDays}.`}
          />
          <TextField
            label="Your password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
            errors={state.fieldErrors?.password}
            hint="A token acts as you, so confirm it is you."
          />
          <Button type="submit" disabled={pending} className="sm:mt-6">
            {pending ? "Creating…" : "Create token"}
          </Button>
        </div>
        {state.status === "error" && <FormMessage state={state} />}
      </form>
      {state.status === "success" && state.token && <NewTokenSecret key={state.token} token={state.token} name={state.tokenName ?? ""} />}
    </div>
  );
}
