/**
 * What an e-signature dialog says and asks (21 CFR 11.50/11.200): who signs, the meaning, that the
 * content is fixed by the signature, and the signature's components — username and password at the
 * first signature of a session, the password alone after that (11.200(a)(1)).
 */
import { TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";

export function SignFields({
  signer,
  askUsername,
  meaning,
  what,
  state,
}: {
  signer: string;
  askUsername: boolean;
  meaning: string;
  what: string;
  state: ActionState;
}) {
  return (
    <>
      <p className="text-sm text-slate-700">
        You are signing {what} as <strong>{signer}</strong> with the meaning <strong>“{meaning}”</strong>. The signature records
        your printed name, the date and time, and a fingerprint of the content; any later change to that content voids it.
      </p>
      {askUsername && (
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          required
          errors={state.fieldErrors?.username}
          hint="Your first signature since signing in asks for your username and password."
        />
      )}
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
        hint={askUsername ? undefined : "Re-enter your TrialDesk password to sign."}
      />
    </>
  );
}
