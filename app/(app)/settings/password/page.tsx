import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getSession, requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { PASSWORD_MIN_LENGTH } from "@/lib/password";
import { changePasswordAction } from "./actions";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage() {
  // The one page open to someone whose password an administrator reset.
  const actor = await requireActor({ passwordChange: true });
  guard(actor, "password.change");
  const forced = (await getSession())?.mustChangePassword ?? false;
  return (
    <>
      <PageHeader
        title="Password"
        description="Changing your password signs you out everywhere else and revokes your API tokens; this browser stays signed in."
      />
      {forced && (
        <p role="status" data-testid="must-change-password" className="mb-4 max-w-xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          An administrator reset your password. Choose a new one to continue.
        </p>
      )}
      <PasswordForm action={changePasswordAction} minLength={PASSWORD_MIN_LENGTH} />
    </>
  );
}
