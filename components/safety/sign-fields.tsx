/**
 * What an e-signature dialog says and asks (21 CFR 11.50/11.200): who signs, the meaning, that the
 * content is fixed by the signature, and the re-entered password.
 */
import { TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";

export function SignFields({ signer, meaning, what, state }: { signer: string; meaning: string; what: string; state: ActionState }) {
  return (
    <>
      <p className="text-sm text-slate-700">
        You are signing {what} as <strong>{signer}</strong> with the meaning <strong>“{meaning}”</strong>. The signature records
        your printed name, the date and time, and a fingerprint of the content; any later change to that content voids it.
      </p>
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
        hint="Re-enter your TrialDesk password to sign."
      />
    </>
  );
}
