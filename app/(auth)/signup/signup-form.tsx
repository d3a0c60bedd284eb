"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/action-state";
import { signup } from "./actions";

const ROLE_OPTIONS = [
  { value: "coordinator", label: "Study coordinator" },
  { value: "investigator", label: "Investigator" },
  { value: "sponsor", label: "Sponsor monitor" },
];

export function SignupForm() {
  const [state, action, pending] = useActionState(signup, idle);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label="Full name" name="displayName" autoComplete="name" required defaultValue={v.displayName} errors={e.displayName} />
      <TextField label="Username" name="username" autoComplete="username" required defaultValue={v.username} errors={e.username} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={v.email} errors={e.email} />
      <SelectField
        label="Role"
        name="role"
        options={ROLE_OPTIONS}
        placeholder="Choose…"
        defaultValue={v.role ?? ""}
        errors={e.role}
        hint="An administrator confirms your role and site."
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={e.password}
        hint="At least 12 characters."
      />
      <TextField label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required errors={e.confirmPassword} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
