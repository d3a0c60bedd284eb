"use client";

import Link from "next/link";
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
  if (state.status === "success") return <SignupReceived />;
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

/**
 * Every accepted sign-up ends here, whether or not an account was created (lib/users/signup.ts):
 * the page cannot tell a taken username or email from a free one, so neither does it.
 */
function SignupReceived() {
  return (
    <section role="status" aria-labelledby="signup-received" className="space-y-3 text-sm">
      <h2 id="signup-received" className="text-base font-semibold">
        Request received
      </h2>
      <p className="text-slate-700">
        Thank you. An administrator reviews every new account and confirms its role and site before it can see study data.
      </p>
      <p className="text-slate-600">
        If this TrialDesk sends email, a message about your request is on its way to the address you gave. You can sign in at any time to
        see whether your account is active; if you hear nothing, ask your TrialDesk administrator.
      </p>
      <p className="text-center">
        <Link href="/login" className="font-medium text-brand-700 underline underline-offset-2">
          Go to sign in
        </Link>
      </p>
    </section>
  );
}
